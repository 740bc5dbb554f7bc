package org.pirog.radius.codec.mschap;

import io.netty.util.concurrent.FastThreadLocal;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The per-thread digests, cipher and scratch buffers of this package, so that verifying an MS-CHAP response
 * allocates nothing of ours (BouncyCastle's DES key schedule still allocates its small tables per key).
 *
 * <p>Each buffer has one owner, named after what it holds; a method may use a buffer only if nothing it calls
 * uses the same one.
 */
final class PerThread {

    private static final FastThreadLocal<PerThread> CURRENT = new FastThreadLocal<>() {
        @Override
        protected PerThread initialValue() {
            return new PerThread();
        }
    };

    final MessageDigest sha1;
    final MD4Digest md4 = new MD4Digest();
    final Des des = new Des();
    /** ChallengeHash output (8) for MsChapV2. */
    final byte[] challenge = new byte[8];
    /** Expected response (24) for the verify methods. */
    final byte[] response = new byte[24];
    /** ZPasswordHash (21) for ChallengeResponse. */
    final byte[] zeroPaddedHash = new byte[21];
    /** SHA-1 output (20) for the authenticator response and key derivations. */
    final byte[] digest = new byte[20];
    /** PasswordHashHash (16) for the authenticator response. */
    final byte[] hashHash = new byte[16];

    private PerThread() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-1", e);
        }
    }

    static PerThread get() {
        return CURRENT.get();
    }

    /** Resets and returns the SHA-1. */
    MessageDigest sha1() {
        sha1.reset();
        return sha1;
    }

    /** Finishes the SHA-1 into {@link #digest}. */
    byte[] finishSha1() {
        try {
            sha1.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return digest;
    }
}
