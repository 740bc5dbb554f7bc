package org.pirog.radius.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.crypto.ConstantTime;

/**
 * A PBKDF2-Password (RFC 8018 §5.2) in one of the text forms FreeRADIUS 3.2's rlm_pap reads:
 * <ul>
 * <li>Crypt::PBKDF2 LDAP form, optionally behind a {@code {X-PBKDF2}} header:
 *     {@code HMACSHA2+256:<base64 of the 4-octet big-endian iteration count>:<base64 salt>:<base64 hash>};
 * <li>Crypt::PBKDF2 crypt form: {@code $PBKDF2$HMACSHA2+256:<iterations>:<base64 salt>$<base64 hash>};
 * <li>passlib: {@code $pbkdf2-sha256$<iterations>$<ab64 salt>$<ab64 hash>} (ab64: base64 with '.' for '+',
 *     unpadded);
 * <li>389-ds / OpenLDAP: {@code {PBKDF2-SHA256}<iterations>$<base64 salt>$<base64 hash>}.
 * </ul>
 * Digests: HMACSHA1, HMACSHA2+224/256/384/512 and HMACSHA3+224/256/384/512 in the Crypt::PBKDF2 forms; sha1,
 * sha256 and sha512 in the others. The hash must be as long as the digest, as FreeRADIUS requires.
 */
final class Pbkdf2Hash {

    private static final String[] CRYPT_NAMES = {
        "HMACSHA1", "HMACSHA2+224", "HMACSHA2+256", "HMACSHA2+384", "HMACSHA2+512",
        "HMACSHA3+224", "HMACSHA3+256", "HMACSHA3+384", "HMACSHA3+512"
    };
    private static final HashAlgorithm[] CRYPT_ALGORITHMS = {
        HashAlgorithm.SHA1, HashAlgorithm.SHA224, HashAlgorithm.SHA256, HashAlgorithm.SHA384, HashAlgorithm.SHA512,
        HashAlgorithm.SHA3_224, HashAlgorithm.SHA3_256, HashAlgorithm.SHA3_384, HashAlgorithm.SHA3_512
    };
    private static final String[] PASSLIB_NAMES = {"sha1", "sha256", "sha512"};
    private static final HashAlgorithm[] PASSLIB_ALGORITHMS = {
        HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA512
    };

    private final HashAlgorithm algorithm;
    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private Pbkdf2Hash(HashAlgorithm algorithm, int iterations, byte[] salt, byte[] hash) {
        this.algorithm = algorithm;
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    HashAlgorithm algorithm() {
        return algorithm;
    }

    int iterations() {
        return iterations;
    }

    /** Whether PBKDF2 of {@code password[0..length)} gives the stored hash; compares in constant time. */
    boolean matches(byte[] password, int length) {
        byte[] copy = Arrays.copyOf(password, length);
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(algorithm.newBouncyCastleDigest());
            generator.init(copy, salt, iterations);
            byte[] derived = ((KeyParameter) generator.generateDerivedMacParameters(hash.length * 8)).getKey();
            boolean equal = ConstantTime.equals(derived, 0, hash, 0, hash.length);
            Arrays.fill(derived, (byte) 0);
            return equal;
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /** Parses a PBKDF2-Password value; the exception's message is rlm_pap's reason. */
    static Pbkdf2Hash parse(byte[] value) throws InvalidStoredPassword {
        int end = value.length;
        if (end < 2) {
            throw new InvalidStoredPassword("PBKDF2-Password too short");
        }
        if (startsWith(value, "{PBKDF2-")) {
            return parse(value, 8, PASSLIB_NAMES, PASSLIB_ALGORITHMS, '}', '$', '$', false);
        }
        if (value[0] != '$') {
            int start = 0;
            if (value[0] == '{') {
                start = StoredOctets.indexOf(value, 0, end, (byte) '}') + 1;
            }
            return parse(value, start, CRYPT_NAMES, CRYPT_ALGORITHMS, ':', ':', ':', true);
        }
        if (startsWith(value, "$PBKDF2$")) {
            return parse(value, 8, CRYPT_NAMES, CRYPT_ALGORITHMS, ':', ':', '$', false);
        }
        if (startsWith(value, "$pbkdf2-")) {
            return parse(value, 8, PASSLIB_NAMES, PASSLIB_ALGORITHMS, '$', '$', '$', false);
        }
        throw new InvalidStoredPassword("Can't determine format of PBKDF2-Password");
    }

    private static Pbkdf2Hash parse(byte[] value, int from, String[] names, HashAlgorithm[] algorithms,
            char schemeSeparator, char iterationsSeparator, char saltSeparator, boolean base64Iterations)
            throws InvalidStoredPassword {
        int end = value.length;
        if (end - from <= 1) {
            throw new InvalidStoredPassword("PBKDF2-Password is too short");
        }
        int q = StoredOctets.indexOf(value, from, end, (byte) schemeSeparator);
        if (q < 0) {
            throw new InvalidStoredPassword("PBKDF2-Password has no component separators");
        }
        // rlm_pap quotes the unknown name; Pirog does not, in case a password was stored here by mistake.
        HashAlgorithm algorithm = lookUp(value, from, q, names, algorithms);
        if (algorithm == null) {
            throw new InvalidStoredPassword("Unknown PBKDF2 hash method");
        }
        int p = q + 1;
        q = p < end ? StoredOctets.indexOf(value, p, end, (byte) iterationsSeparator) : -1;
        if (q < 0) {
            throw new InvalidStoredPassword("PBKDF2-Password missing iterations component");
        }
        if (q == p) {
            throw new InvalidStoredPassword("PBKDF2-Password iterations component too short");
        }
        long iterations = base64Iterations ? base64Iterations(value, p, q) : decimalIterations(value, p, q);
        // rlm_pap: "PBKDF2 can not have zero iterations; increasing to 1"
        int rounds = (int) Math.max(1, iterations);
        p = q + 1;
        q = p < end ? StoredOctets.indexOf(value, p, end, (byte) saltSeparator) : -1;
        if (q < 0) {
            throw new InvalidStoredPassword("PBKDF2-Password missing salt component");
        }
        if (q == p) {
            throw new InvalidStoredPassword("PBKDF2-Password salt component too short");
        }
        byte[] salt = StoredOctets.base64(value, p, q, true);
        if (salt == null) {
            throw new InvalidStoredPassword("Failed decoding PBKDF2-Password salt component");
        }
        p = q + 1;
        if (p >= end) {
            throw new InvalidStoredPassword("PBKDF2-Password hash component too short");
        }
        byte[] hash = StoredOctets.base64(value, p, end, true);
        if (hash == null) {
            throw new InvalidStoredPassword("Failed decoding PBKDF2-Password hash component");
        }
        if (hash.length != algorithm.length()) {
            throw new InvalidStoredPassword("PBKDF2-Password hash component length is incorrect for hash type, "
                    + "expected " + algorithm.length() + ", got " + hash.length);
        }
        return new Pbkdf2Hash(algorithm, rounds, salt, hash);
    }

    private static long base64Iterations(byte[] value, int from, int to) throws InvalidStoredPassword {
        byte[] count = StoredOctets.base64(value, from, to, false);
        if (count == null) {
            throw new InvalidStoredPassword("Failed decoding PBKDF2-Password iterations component");
        }
        if (count.length != 4) {
            throw new InvalidStoredPassword("Decoded PBKDF2-Password iterations component is wrong size");
        }
        long iterations = ((count[0] & 0xFFL) << 24) | ((count[1] & 0xFF) << 16) | ((count[2] & 0xFF) << 8)
                | (count[3] & 0xFF);
        return checkRange(iterations);
    }

    private static long decimalIterations(byte[] value, int from, int to) throws InvalidStoredPassword {
        long iterations = 0;
        for (int i = from; i < to; i++) {
            int digit = value[i] - '0';
            if (digit < 0 || digit > 9 || iterations > Integer.MAX_VALUE) {
                throw new InvalidStoredPassword("PBKDF2-Password iterations field contains an invalid character");
            }
            iterations = iterations * 10 + digit;
        }
        return checkRange(iterations);
    }

    private static long checkRange(long iterations) throws InvalidStoredPassword {
        if (iterations > Integer.MAX_VALUE) {
            throw new InvalidStoredPassword("PBKDF2-Password iterations component is too large");
        }
        return iterations;
    }

    private static @Nullable HashAlgorithm lookUp(byte[] value, int from, int to, String[] names,
            HashAlgorithm[] algorithms) {
        String name = new String(value, from, to - from, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return algorithms[i];
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] value, String prefix) {
        if (value.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) value[i]) != Character.toLowerCase(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
