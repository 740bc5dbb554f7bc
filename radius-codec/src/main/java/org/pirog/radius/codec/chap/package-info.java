/**
 * CHAP (RFC 1994) as RADIUS carries it in CHAP-Password and CHAP-Challenge (RFC 2865 §5.3, §5.40).
 * Computes and verifies the MD5 response without allocating per packet.
 */
@NullMarked
package org.pirog.radius.codec.chap;

import org.jspecify.annotations.NullMarked;
