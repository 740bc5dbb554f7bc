/**
 * Microsoft CHAP v1 and v2 (RFC 2433, RFC 2759) and MPPE key derivation (RFC 3079) for RADIUS (RFC 2548).
 * Password hashes, challenge responses, the authenticator response and the MS-MPPE keys an Access-Accept carries.
 */
@NullMarked
package org.pirog.radius.codec.mschap;

import org.jspecify.annotations.NullMarked;
