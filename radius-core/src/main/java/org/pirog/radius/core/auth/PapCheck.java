package org.pirog.radius.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.apache.commons.codec.digest.Crypt;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.pirog.radius.codec.crypto.ConstantTime;
import org.pirog.radius.codec.mschap.NtPasswordHash;

/**
 * PAP (RFC 2865 §5.2): the User-Password the NAS hid, once revealed, against the stored password in whatever form
 * it is kept, as rlm_pap checks each form. Digest comparisons run in constant time.
 */
final class PapCheck {
    static final AuthResult ACCEPT = AuthResult.accept(AuthMethod.PAP);
    static final AuthResult CLEARTEXT_MISMATCH = AuthResult.reject(AuthMethod.PAP,
            "pap: Cleartext password does not match \"known good\" password");
    static final AuthResult NOT_UCS2 = AuthResult.reject(AuthMethod.PAP, "pap: User-Password is not in UCS2 format");

    private PapCheck() {
    }

    /**
     * Whether {@code password[0..length)} is the UTF-8 of {@code cleartext}, in time that depends on the lengths
     * only. The common all-ASCII password is compared char by char, without encoding it.
     */
    static boolean cleartextMatches(String cleartext, byte[] password, int length) {
        int n = cleartext.length();
        int difference = 0;
        for (int i = 0; i < n; i++) {
            char c = cleartext.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = cleartext.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                return length == utf8.length && ConstantTime.equals(password, 0, utf8, 0, length);
            }
            difference |= i < length ? c ^ (password[i] & 0xFF) : 1;
        }
        return difference == 0 && n == length;
    }

    /** Checks {@code t.password[0..length)} against {@code known}. */
    static AuthResult check(KnownGoodPassword known, PerThread t, int length) {
        if (!known.isUsable()) {
            return known.papReject();
        }
        if (known.form() == PasswordForm.NT && !t.decodePassword(length)) {
            // The NT hash is of UTF-16: rlm_pap refuses octets that are not UTF-8.
            return NOT_UCS2;
        }
        byte[] password = t.password;
        boolean matches = switch (known.form()) {
            case CLEARTEXT -> length == known.octets().length
                    && ConstantTime.equals(password, 0, known.octets(), 0, length);
            case CRYPT -> crypt(known, password, length);
            case PBKDF2 -> known.pbkdf2().matches(password, length);
            case NT -> {
                NtPasswordHash.into(t.passwordChars, t.passwordHash, 0);
                yield ConstantTime.equals(t.passwordHash, 0, known.octets(), 0, 16);
            }
            case LM -> t.decodePassword(length) && lm(known, t);
            case NS_MTA_MD5 -> nsMtaMd5(known, t, length);
            default -> digest(known, t, length);
        };
        return matches ? ACCEPT : known.papReject();
    }

    private static boolean lm(KnownGoodPassword known, PerThread t) {
        LmHash.into(t.passwordChars, t.oem, t.passwordHash);
        return ConstantTime.equals(t.passwordHash, 0, known.octets(), 0, 16);
    }

    /** MD5, SHA-1, SHA-2, SHA-3 of the password, then the salt if the form has one. */
    private static boolean digest(KnownGoodPassword known, PerThread t, int length) {
        HashAlgorithm algorithm = known.algorithm();
        int digestLength = algorithm.length();
        byte[] stored = known.octets();
        MessageDigest md = t.messageDigest(algorithm);
        md.update(t.password, 0, length);
        md.update(stored, digestLength, stored.length - digestLength);
        return ConstantTime.equals(t.finish(md), 0, stored, 0, digestLength);
    }

    /** MD5(salt + 'Y' + password + 0xF7 + salt). */
    private static boolean nsMtaMd5(KnownGoodPassword known, PerThread t, int length) {
        byte[] stored = known.octets();
        MessageDigest md = t.messageDigest(HashAlgorithm.MD5);
        md.update(stored, 16, 32);
        md.update((byte) 89);
        md.update(t.password, 0, length);
        md.update((byte) 247);
        md.update(stored, 16, 32);
        return ConstantTime.equals(t.finish(md), 0, stored, 0, 16);
    }

    /**
     * crypt(3) through Commons Codec (MD5-crypt, SHA-crypt, DES) or BouncyCastle (bcrypt). Both take the key as
     * a whole array, so the password is copied, and the copy wiped. A value neither can read does not match.
     */
    private static boolean crypt(KnownGoodPassword known, byte[] password, int length) {
        String stored = known.text();
        byte[] key = Arrays.copyOf(password, length);
        try {
            if (stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$")) {
                return OpenBSDBCrypt.checkPassword(stored, key);
            }
            byte[] computed = Crypt.crypt(key, stored).getBytes(StandardCharsets.US_ASCII);
            return computed.length == known.octets().length
                    && ConstantTime.equals(computed, 0, known.octets(), 0, computed.length);
        } catch (IllegalArgumentException | DataLengthException unreadable) {
            return false;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
