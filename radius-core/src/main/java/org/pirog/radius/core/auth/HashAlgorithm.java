package org.pirog.radius.core.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.jspecify.annotations.Nullable;

/** The message digests stored passwords are hashed with: the JDK's for plain hashes, BouncyCastle's for PBKDF2. */
enum HashAlgorithm {
    MD5("MD5", 16),
    SHA1("SHA-1", 20),
    SHA224("SHA-224", 28),
    SHA256("SHA-256", 32),
    SHA384("SHA-384", 48),
    SHA512("SHA-512", 64),
    SHA3_224("SHA3-224", 28),
    SHA3_256("SHA3-256", 32),
    SHA3_384("SHA3-384", 48),
    SHA3_512("SHA3-512", 64);

    private final String jdkName;
    private final int length;

    HashAlgorithm(String jdkName, int length) {
        this.jdkName = jdkName;
        this.length = length;
    }

    /** Digest length in octets. */
    int length() {
        return length;
    }

    MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java platform lacks " + jdkName, e);
        }
    }

    /** A new BouncyCastle digest, for PBKDF2 over the password's octets (the JDK's PBKDF2 wants chars). */
    Digest newBouncyCastleDigest() {
        return switch (this) {
            case MD5 -> throw new IllegalStateException("PBKDF2 with MD5 is not a FreeRADIUS form");
            case SHA1 -> new SHA1Digest();
            case SHA224 -> new SHA224Digest();
            case SHA256 -> new SHA256Digest();
            case SHA384 -> new SHA384Digest();
            case SHA512 -> new SHA512Digest();
            case SHA3_224 -> new SHA3Digest(224);
            case SHA3_256 -> new SHA3Digest(256);
            case SHA3_384 -> new SHA3Digest(384);
            case SHA3_512 -> new SHA3Digest(512);
        };
    }

    /** The SHA-2 digest whose output is {@code length} octets long, or null. */
    static @Nullable HashAlgorithm sha2OfLength(int length) {
        return switch (length) {
            case 28 -> SHA224;
            case 32 -> SHA256;
            case 48 -> SHA384;
            case 64 -> SHA512;
            default -> null;
        };
    }
}
