package org.pirog.radius.codec.mschap;

import java.util.Objects;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The Windows NT password hash, {@code MD4(UTF-16LE(password))} (RFC 2433 §A.6, RFC 2759 §8.3), and its hash,
 * {@code MD4(hash)} (RFC 2759 §8.4, "PasswordHashHash").
 *
 * <p>A backend may store either the cleartext or the NT hash; every MS-CHAP computation starts from the hash.
 * The {@code into} variants write into the caller's array and allocate nothing, for the hot path.
 */
public final class NtPasswordHash {

    /** Length of the hash in octets. */
    public static final int LENGTH = 16;

    private NtPasswordHash() {
    }

    /** The NT hash of {@code password}: MD4 over its UTF-16 little-endian code units, no terminator. */
    public static byte[] of(CharSequence password) {
        byte[] out = new byte[LENGTH];
        into(password, out, 0);
        return out;
    }

    /** Writes the NT hash of {@code password} to {@code out[off..off+16)}. */
    public static void into(CharSequence password, byte[] out, int off) {
        Objects.checkFromIndexSize(off, LENGTH, out.length);
        MD4Digest md4 = PerThread.get().md4;
        md4.reset();
        for (int i = 0, n = password.length(); i < n; i++) {
            char c = password.charAt(i);
            md4.update((byte) c);
            md4.update((byte) (c >>> 8));
        }
        md4.doFinal(out, off);
    }

    /** {@code MD4(ntHash)}, RFC 2759 §8.4 HashNtPasswordHash. */
    public static byte[] hashOfHash(byte[] ntHash) {
        byte[] out = new byte[LENGTH];
        hashOfHashInto(ntHash, 0, out, 0);
        return out;
    }

    /** Writes {@code MD4(ntHash[off..off+16))} to {@code out[outOff..outOff+16)}. */
    public static void hashOfHashInto(byte[] ntHash, int off, byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, LENGTH, ntHash.length);
        Objects.checkFromIndexSize(outOff, LENGTH, out.length);
        MD4Digest md4 = PerThread.get().md4;
        md4.reset();
        md4.update(ntHash, off, LENGTH);
        md4.doFinal(out, outOff);
    }
}
