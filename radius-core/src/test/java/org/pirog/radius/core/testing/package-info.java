/**
 * Test harness that other modules reuse through radius-core's test-jar: a private FreeRADIUS for interop tests.
 */
@NullMarked
package org.pirog.radius.core.testing;

import org.jspecify.annotations.NullMarked;
