package org.pirog.radius.codec.crypto;

import io.netty.util.concurrent.FastThreadLocal;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * HMAC-MD5 (RFC 2104) over a reused {@link MessageDigest}, incremental, with no allocation per message.
 *
 * <p>Why not {@code javax.crypto.Mac}: it allocates a result array on every {@code doFinal} and must be re-inited
 * (rebuilding the pads) whenever the key changes, i.e. for every packet from a different RADIUS client. Here the
 * pads come precomputed with the {@link SharedSecret}, and the result goes into the caller's array.
 *
 * <p>Incremental because the Message-Authenticator (RFC 3579 §3.2) is computed over a packet with pieces
 * replaced: the authenticator field and the attribute's own value. Callers feed the unchanged ranges with
 * {@link #update} and the replaced ones with {@link #updateZeros} or another array, never copying the packet.
 *
 * <p>Use: {@code HmacMd5 h = HmacMd5.perThread(); h.init(secret); h.update(...); h.doFinal(out, off);}. An
 * instance is not thread-safe; the per-thread one must be finished before the same thread starts another MAC.
 */
public final class HmacMd5 {

    /** Length of the MAC in octets. */
    public static final int LENGTH = 16;

    private static final byte[] ZEROS = new byte[SharedSecret.HMAC_BLOCK];

    private static final FastThreadLocal<HmacMd5> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected HmacMd5 initialValue() {
            return new HmacMd5();
        }
    };

    // Its own digest, not Md5.perThread(): callers may run a cipher between update() calls.
    private final MessageDigest md = Md5.newInstance();
    private final byte[] innerHash = new byte[LENGTH];
    private final byte[] ownInnerPad = new byte[SharedSecret.HMAC_BLOCK];
    private final byte[] ownOuterPad = new byte[SharedSecret.HMAC_BLOCK];
    private byte[] outerPad = ownOuterPad;

    /** A new, unshared instance. Prefer {@link #perThread()} on the hot path. */
    public HmacMd5() {
    }

    /** This thread's instance. Call {@link #init} before use. */
    public static HmacMd5 perThread() {
        return PER_THREAD.get();
    }

    /** Starts a MAC keyed by a RADIUS shared secret, using its precomputed pads. */
    public HmacMd5 init(SharedSecret key) {
        outerPad = key.outerPad();
        md.reset();
        md.update(key.innerPad());
        return this;
    }

    /** Starts a MAC keyed by {@code key[off..off+len)} (any length, RFC 2104 §2). */
    public HmacMd5 init(byte[] key, int off, int len) {
        Objects.checkFromIndexSize(off, len, key.length);
        SharedSecret.hmacPads(key, off, len, ownInnerPad, ownOuterPad, md);
        outerPad = ownOuterPad;
        md.reset();
        md.update(ownInnerPad);
        return this;
    }

    /** Feeds {@code b[off..off+len)}. */
    public HmacMd5 update(byte[] b, int off, int len) {
        md.update(b, off, len);
        return this;
    }

    /** Feeds {@code n} zero octets, e.g. for a field that is computed as zero. */
    public HmacMd5 updateZeros(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        while (n > 0) {
            int chunk = Math.min(n, ZEROS.length);
            md.update(ZEROS, 0, chunk);
            n -= chunk;
        }
        return this;
    }

    /** Writes the 16-octet MAC to {@code out[outOff..outOff+16)}; the instance then needs a new {@link #init}. */
    public void doFinal(byte[] out, int outOff) {
        Objects.checkFromIndexSize(outOff, LENGTH, out.length);
        Md5.finish(md, innerHash, 0);
        md.update(outerPad);
        md.update(innerHash);
        Md5.finish(md, out, outOff);
    }
}
