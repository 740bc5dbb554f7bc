package org.pirog.radius.codec.crypto;

import io.netty.util.concurrent.FastThreadLocal;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The per-thread MD5 that every RADIUS authenticator and cipher uses.
 *
 * <p>{@code MessageDigest.getInstance} costs a provider lookup and an allocation; at 200k packets/s per core
 * that shows up in profiles, so each thread keeps one instance and resets it before handing it out.
 *
 * <p>The instance is not re-entrant: finish with it (call {@code digest}) before calling anything else that
 * may use {@link #perThread()}, which includes every cipher and authenticator in this package.
 */
public final class Md5 {

    /** Length of an MD5 digest in octets. */
    public static final int LENGTH = 16;

    private static final FastThreadLocal<MessageDigest> MD5 = new FastThreadLocal<>() {
        @Override
        protected MessageDigest initialValue() {
            return newInstance();
        }
    };

    /** Per-thread scratch space for intermediate digests; see {@link #scratch()}. */
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[64];
        }
    };

    private Md5() {
    }

    /** Returns this thread's MD5 instance, reset and ready for {@code update}. */
    public static MessageDigest perThread() {
        MessageDigest md = MD5.get();
        md.reset();
        return md;
    }

    /** A new, unshared MD5 instance, for owners that keep their own (e.g. {@link HmacMd5}). */
    static MessageDigest newInstance() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support MD5", e);
        }
    }

    /**
     * Finishes {@code md} into {@code out[outOff..outOff+16)} without allocating (unlike {@code digest()}).
     */
    static void finish(MessageDigest md, byte[] out, int outOff) {
        try {
            md.digest(out, outOff, LENGTH);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for 16 octets at offset " + outOff, e);
        }
    }

    /**
     * 64 octets of per-thread scratch for this package's ciphers and verifiers; like {@link #perThread()} it
     * is only valid until the calling method returns.
     */
    static byte[] scratch() {
        return SCRATCH.get();
    }
}
