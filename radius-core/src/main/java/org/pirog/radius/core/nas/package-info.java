/**
 * The NAS (RADIUS clients) the server answers: shared secrets, BlastRADIUS settings and longest-prefix lookup by
 * source address.
 */
@NullMarked
package org.pirog.radius.core.nas;

import org.jspecify.annotations.NullMarked;
