/**
 * IPv4 address pools whose leases are taken and freed without locks: sticky per account, freed by
 * accounting, lapsing without it.
 */
@NullMarked
package org.pirog.radius.backend.memory.pool;

import org.jspecify.annotations.NullMarked;
