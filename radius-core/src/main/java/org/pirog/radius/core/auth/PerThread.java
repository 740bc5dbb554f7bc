package org.pirog.radius.core.auth;

import io.netty.util.concurrent.FastThreadLocal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.UserPasswordCipher;

/**
 * Per-thread scratch space of the authentication checks, so that checking a password allocates nothing: the
 * unhidden User-Password and its UTF-16 form, copies of request attributes, digests and their outputs.
 *
 * <p>Each buffer has one owner per request; the password buffers are wiped when the check is done
 * ({@link #wipePassword}) so that no cleartext outlives the request in memory.
 */
final class PerThread {

    private static final FastThreadLocal<PerThread> CURRENT = new FastThreadLocal<>() {
        @Override
        protected PerThread initialValue() {
            return new PerThread();
        }
    };

    /** The unhidden User-Password (RFC 2865 §5.2: at most 128 octets). */
    final byte[] password = new byte[UserPasswordCipher.MAX_LENGTH];
    /** The password as UTF-16, for the NT and LM hashes; a CharSequence over it after {@link #decodePassword}. */
    final CharBuffer passwordChars = CharBuffer.allocate(UserPasswordCipher.MAX_LENGTH);
    /** An attribute value copied out of the request: CHAP-Challenge, MS-CHAP-Challenge. */
    final byte[] value = new byte[253];
    /** A second one: CHAP-Password, MS-CHAP-Response, MS-CHAP2-Response. */
    final byte[] response = new byte[253];
    /** User-Name, for the MS-CHAPv2 challenge hash. */
    final byte[] userName = new byte[253];
    /** A digest computed from the password (up to SHA-512). */
    final byte[] digest = new byte[64];
    /** An NT or LM hash computed from the password. */
    final byte[] passwordHash = new byte[16];
    /** The LM hash's 14 OEM octets. */
    final byte[] oem = new byte[14];

    private final ByteBuffer passwordBytes = ByteBuffer.wrap(password);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final MessageDigest[] digests = new MessageDigest[HashAlgorithm.values().length];
    private @Nullable SecureRandom random;

    private PerThread() {
    }

    static PerThread get() {
        return CURRENT.get();
    }

    /** The thread's digest for {@code algorithm}, reset. */
    MessageDigest messageDigest(HashAlgorithm algorithm) {
        MessageDigest md = digests[algorithm.ordinal()];
        if (md == null) {
            md = algorithm.newMessageDigest();
            digests[algorithm.ordinal()] = md;
        } else {
            md.reset();
        }
        return md;
    }

    /** Finishes {@code md} into {@link #digest}. */
    byte[] finish(MessageDigest md) {
        try {
            md.digest(digest, 0, md.getDigestLength());
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return digest;
    }

    /**
     * Decodes {@code password[0..length)} from UTF-8 into {@link #passwordChars} (then positioned over it).
     * Returns false if the octets are not UTF-8, which FreeRADIUS reports as not being in UCS2 format.
     */
    boolean decodePassword(int length) {
        passwordBytes.clear().limit(length);
        passwordChars.clear();
        utf8.reset();
        CoderResult result = utf8.decode(passwordBytes, passwordChars, true);
        if (result.isError() || utf8.flush(passwordChars).isError()) {
            return false;
        }
        passwordChars.flip();
        return true;
    }

    /** Random octets for an MS-CHAP retry challenge. */
    void randomBytes(byte[] out) {
        if (random == null) {
            random = new SecureRandom();
        }
        random.nextBytes(out);
    }

    /** Overwrites every buffer that held the password or something derived from it. */
    void wipePassword() {
        Arrays.fill(password, (byte) 0);
        Arrays.fill(passwordChars.array(), '\0');
        passwordChars.clear();
        Arrays.fill(digest, (byte) 0);
        Arrays.fill(passwordHash, (byte) 0);
        Arrays.fill(oem, (byte) 0);
    }
}
