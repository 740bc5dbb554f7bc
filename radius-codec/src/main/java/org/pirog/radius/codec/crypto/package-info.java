/**
 * RADIUS cryptography: shared secrets, packet authenticators, Message-Authenticator and the attribute ciphers.
 * Everything here runs per packet: per-thread digests, {@code byte[]} + offset + length, no allocation per call.
 */
@NullMarked
package org.pirog.radius.codec.crypto;

import org.jspecify.annotations.NullMarked;
