package org.pirog.radius.codec.crypto;

import java.util.Objects;

/** Argument checks shared by the authenticator classes: programming errors fail fast. */
final class PacketBounds {

    /** RADIUS header: Code, Identifier, Length, Authenticator (RFC 2865 §3). */
    static final int HEADER = 20;
    static final int AUTH_OFFSET = 4;
    static final int AUTH_LENGTH = 16;

    private PacketBounds() {
    }

    static void checkPacket(byte[] packet, int length) {
        Objects.checkFromToIndex(0, length, packet.length);
        if (length < HEADER) {
            throw new IllegalArgumentException("a RADIUS packet has at least 20 octets, got " + length);
        }
    }

    static void checkAuthenticator(byte[] authenticator, int off) {
        Objects.checkFromIndexSize(off, AUTH_LENGTH, authenticator.length);
    }

    static void checkOut(byte[] out, int outOff, int len) {
        Objects.checkFromIndexSize(outOff, len, out.length);
    }
}
