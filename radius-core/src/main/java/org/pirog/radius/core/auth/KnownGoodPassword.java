package org.pirog.radius.core.auth;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.mschap.NtKeySchedule;
import org.pirog.radius.codec.mschap.NtPasswordHash;

/**
 * A stored password decoded once into what the checks need: the digest and salt of a hashed form, the octets and
 * NT hash of a cleartext one, a parsed PBKDF2 value, or the reason it cannot be used. Immutable; shared between
 * threads through the cache of {@link KnownGoodPasswords}.
 *
 * <p>The rejects a PAP check ends in are made here too, so that a wrong password costs no allocation.
 */
final class KnownGoodPassword {

    private static final byte[] NONE = new byte[0];

    private final PasswordForm form;
    private final byte[] octets;
    private final @Nullable String text;
    private final @Nullable HashAlgorithm algorithm;
    private final @Nullable Pbkdf2Hash pbkdf2;
    private final byte @Nullable [] ntHash;
    private volatile @Nullable NtKeySchedule ntKeySchedule;
    private final @Nullable String problem;
    private final AuthResult papReject;

    private KnownGoodPassword(PasswordForm form, byte[] octets, @Nullable String text,
            @Nullable HashAlgorithm algorithm, @Nullable Pbkdf2Hash pbkdf2, byte @Nullable [] ntHash,
            @Nullable String problem) {
        this.form = form;
        this.octets = octets;
        this.text = text;
        this.algorithm = algorithm;
        this.pbkdf2 = pbkdf2;
        this.ntHash = ntHash;
        this.problem = problem;
        this.papReject = AuthResult.reject(AuthMethod.PAP, "pap: " + (problem != null ? problem : mismatch()));
    }

    /**
     * Decodes a stored value of this form: {@code value} holds its octets as stored (after {@code 0x} parsing,
     * before hex or base64 decoding).
     */
    static KnownGoodPassword decode(PasswordForm form, byte[] value) {
        try {
            return switch (form) {
                case CLEARTEXT -> cleartext(value);
                case CRYPT -> new KnownGoodPassword(form, value, new String(value, StandardCharsets.UTF_8), null,
                        null, null, null);
                case PBKDF2 -> new KnownGoodPassword(form, NONE, null, null, Pbkdf2Hash.parse(value), null, null);
                case NS_MTA_MD5 -> nsMtaMd5(value);
                case SHA2 -> sha2(StoredOctets.normalise(value, form.minimumLength()));
                default -> hashed(form, StoredOctets.normalise(value, form.minimumLength()));
            };
        } catch (InvalidStoredPassword e) {
            return invalid(form, e.getMessage());
        }
    }

    static KnownGoodPassword cleartext(byte[] utf8) {
        String password = new String(utf8, StandardCharsets.UTF_8);
        return new KnownGoodPassword(PasswordForm.CLEARTEXT, utf8, password, null, null, NtPasswordHash.of(password),
                null);
    }

    private static KnownGoodPassword invalid(PasswordForm form, String reason) {
        return new KnownGoodPassword(form, NONE, null, null, null, null, reason);
    }

    private static KnownGoodPassword hashed(PasswordForm form, byte[] octets) throws InvalidStoredPassword {
        int length = form == PasswordForm.NT || form == PasswordForm.LM ? 16 : form.algorithm().length();
        if (form.isSalted() ? octets.length <= length : octets.length != length) {
            throw new InvalidStoredPassword(lengthProblem(form, octets.length, length));
        }
        return new KnownGoodPassword(form, octets, null, form.algorithm(), null,
                form == PasswordForm.NT ? octets : null, null);
    }

    /** rlm_pap's wording, which differs from form to form. */
    private static String lengthProblem(PasswordForm form, int length, int digestLength) {
        return switch (form) {
            case MD5 -> "\"known-good\" MD5 password has incorrect length";
            case SMD5 -> "\"known-good\" SMD5-Password has incorrect length";
            case SHA1 -> "\"known-good\" SHA1-password has incorrect length";
            case SSHA1 -> "\"known-good\" SSHA-Password has incorrect length";
            case NT -> "\"known good\" NT-Password has incorrect length";
            case LM -> "\"known good\" LM-Password has incorrect length";
            default -> "\"known-good\" " + form.label() + "-Password has incorrect length, got " + length
                    + " bytes, need at least " + (digestLength + 1) + " bytes";
        };
    }

    private static KnownGoodPassword sha2(byte[] octets) throws InvalidStoredPassword {
        HashAlgorithm algorithm = HashAlgorithm.sha2OfLength(octets.length);
        if (algorithm == null) {
            throw new InvalidStoredPassword("\"known good\" digest length (" + octets.length
                    + ") does not match output length of any SHA-2 digests");
        }
        return new KnownGoodPassword(PasswordForm.SHA2, octets, null, algorithm, null, null, null);
    }

    /** 32 hex digits of the digest, then 32 octets of salt. */
    private static KnownGoodPassword nsMtaMd5(byte[] value) throws InvalidStoredPassword {
        if (value.length != 64) {
            throw new InvalidStoredPassword("\"known good\" NS-MTA-MD5-Password has incorrect length");
        }
        byte[] digest = StoredOctets.hex(value, 0, 32);
        if (digest == null) {
            throw new InvalidStoredPassword("\"known good\" NS-MTA-MD5-Password has invalid value");
        }
        byte[] octets = new byte[48];
        System.arraycopy(digest, 0, octets, 0, 16);
        System.arraycopy(value, 32, octets, 16, 32);
        return new KnownGoodPassword(PasswordForm.NS_MTA_MD5, octets, null, HashAlgorithm.MD5, null, null, null);
    }

    PasswordForm form() {
        return form;
    }

    /**
     * The decoded value: the cleartext's UTF-8 octets, the digest followed by any salt, or (NS-MTA-MD5) the
     * 16-octet digest followed by the 32-octet salt. Not a copy: callers only read it.
     */
    byte[] octets() {
        return octets;
    }

    /** The crypt(3) string of a Crypt-Password, or the cleartext of a Cleartext-Password. */
    @Nullable String text() {
        return text;
    }

    /** The digest of a hashed form (for SHA2-Password, the one its length names). */
    @Nullable HashAlgorithm algorithm() {
        return algorithm;
    }

    @Nullable Pbkdf2Hash pbkdf2() {
        return pbkdf2;
    }

    /** The NT hash MS-CHAP needs: the NT-Password itself, or the hash of a cleartext password; else null. */
    byte @Nullable [] ntHash() {
        return ntHash;
    }

    /**
     * The DES schedules of {@link #ntHash()}, made on first use and kept with this (cached) password: the key
     * schedule is most of an MS-CHAP check, and it depends on the password only. Null without an NT hash.
     */
    @Nullable NtKeySchedule ntKeySchedule() {
        NtKeySchedule keys = ntKeySchedule;
        if (keys == null && ntHash != null) {
            // A benign race: two threads may both make it; they make the same thing.
            keys = NtKeySchedule.of(ntHash);
            ntKeySchedule = keys;
        }
        return keys;
    }

    /** Why the stored value cannot be used, or null if it can. */
    @Nullable String problem() {
        return problem;
    }

    boolean isUsable() {
        return problem == null;
    }

    /** The PAP reject for this password: the mismatch, or the stored value's problem. */
    AuthResult papReject() {
        return papReject;
    }

    private String mismatch() {
        return switch (form) {
            case CLEARTEXT -> "Cleartext password does not match \"known good\" password";
            case SHA2 -> "SHA2-" + algorithm.length() * 8 + " digest does not match \"known good\" digest";
            default -> form.label() + " digest does not match \"known good\" digest";
        };
    }

    /** Shows the form only: the value is a secret. */
    @Override
    public String toString() {
        return form.attributeName() + (problem != null ? " (unusable)" : "");
    }
}
