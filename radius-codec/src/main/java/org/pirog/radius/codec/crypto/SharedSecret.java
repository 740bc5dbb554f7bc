package org.pirog.radius.codec.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The shared secret of a RADIUS client and server (RFC 2865 §3), immutable.
 *
 * <p>The octets never leave this object except through {@link #toByteArray()}: hashing code feeds them into a
 * digest with {@link #updateDigest(MessageDigest)}, and {@link #toString()} shows only the length, so a secret
 * cannot end up in a log by accident.
 *
 * <p>The HMAC-MD5 inner and outer key blocks (RFC 2104 §2: the key, or MD5 of it when longer than 64 octets,
 * zero-padded to 64 and XORed with 0x36 / 0x5C) are computed once here, so that {@link HmacMd5} does not
 * redo them for every Message-Authenticator.
 */
public final class SharedSecret {

    static final int HMAC_BLOCK = 64;

    private final byte[] secret;
    private final byte[] innerPad;
    private final byte[] outerPad;

    private SharedSecret(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("a RADIUS shared secret must not be empty (RFC 2865 §3)");
        }
        this.secret = secret;
        this.innerPad = new byte[HMAC_BLOCK];
        this.outerPad = new byte[HMAC_BLOCK];
        hmacPads(secret, 0, secret.length, innerPad, outerPad, null);
    }

    /** The secret as its UTF-8 octets. */
    public static SharedSecret of(String secret) {
        return new SharedSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret as the given octets, copied. */
    public static SharedSecret of(byte[] secret) {
        return new SharedSecret(secret.clone());
    }

    /** Length of the secret in octets. */
    public int length() {
        return secret.length;
    }

    /** Feeds the secret into {@code md}, as every RADIUS hash construction needs, without exposing it. */
    public void updateDigest(MessageDigest md) {
        md.update(secret);
    }

    /** A copy of the secret's octets. */
    public byte[] toByteArray() {
        return secret.clone();
    }

    byte[] innerPad() {
        return innerPad;
    }

    byte[] outerPad() {
        return outerPad;
    }

    /**
     * Fills the 64-octet HMAC-MD5 key blocks for {@code key[off..off+len)} (RFC 2104 §2). Keys longer than 64
     * octets are first hashed, with {@code md} (reset first) or, if {@code null}, a new MD5 instance: never the
     * per-thread one, which a caller may be in the middle of using.
     */
    static void hmacPads(byte[] key, int off, int len, byte[] innerPad, byte[] outerPad,
                         @Nullable MessageDigest md) {
        Arrays.fill(innerPad, (byte) 0);
        if (len > HMAC_BLOCK) {
            if (md == null) {
                md = Md5.newInstance();
            }
            md.reset();
            md.update(key, off, len);
            Md5.finish(md, innerPad, 0);
        } else {
            System.arraycopy(key, off, innerPad, 0, len);
        }
        for (int i = 0; i < HMAC_BLOCK; i++) {
            byte k = innerPad[i];
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5C);
        }
    }

    /** Equal when the secrets have the same octets; compared in constant time. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SharedSecret other && MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    /** Shows only the length, never the secret. */
    @Override
    public String toString() {
        return "SharedSecret[" + secret.length + " octets]";
    }
}
