/**
 * A closed-loop RADIUS load generator (PAP, MS-CHAPv2, accounting) that verifies every reply, and a reference
 * responder to measure the generator itself. Run from {@code benchmarks.jar}; see the module README.
 */
@NullMarked
package org.pirog.radius.benchmarks.load;

import org.jspecify.annotations.NullMarked;
