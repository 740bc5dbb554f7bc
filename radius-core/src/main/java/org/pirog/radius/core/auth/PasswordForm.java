package org.pirog.radius.core.auth;

import org.jspecify.annotations.Nullable;

/**
 * The forms in which an account stores its "known good" password: FreeRADIUS's control attributes, as rlm_pap
 * understands them. Hashed forms may be written as hex or base64; see {@link StoredOctets#normalise}.
 */
enum PasswordForm {
    CLEARTEXT("Cleartext-Password", "Cleartext", 0, null),
    /** crypt(3): MD5-crypt {@code $1$}, SHA-crypt {@code $5$ $6$}, bcrypt {@code $2a$ $2b$ $2y$}, DES. */
    CRYPT("Crypt-Password", "Crypt", 0, null),
    MD5("MD5-Password", "MD5", 16, HashAlgorithm.MD5),
    /** MD5 of password + salt, followed by the salt. */
    SMD5("SMD5-Password", "SMD5", 16, HashAlgorithm.MD5),
    SHA1("SHA-Password", "SHA1", 20, HashAlgorithm.SHA1),
    SSHA1("SSHA-Password", "SSHA", 20, HashAlgorithm.SHA1),
    /** SHA-224, -256, -384 or -512: the digest's length tells which. */
    SHA2("SHA2-Password", "SHA2", 28, null),
    SSHA2_224("SSHA2-224-Password", "SSHA2-224", 28, HashAlgorithm.SHA224),
    SSHA2_256("SSHA2-256-Password", "SSHA2-256", 32, HashAlgorithm.SHA256),
    SSHA2_384("SSHA2-384-Password", "SSHA2-384", 48, HashAlgorithm.SHA384),
    SSHA2_512("SSHA2-512-Password", "SSHA2-512", 64, HashAlgorithm.SHA512),
    SSHA3_224("SSHA3-224-Password", "SSHA3-224", 28, HashAlgorithm.SHA3_224),
    SSHA3_256("SSHA3-256-Password", "SSHA3-256", 32, HashAlgorithm.SHA3_256),
    SSHA3_384("SSHA3-384-Password", "SSHA3-384", 48, HashAlgorithm.SHA3_384),
    SSHA3_512("SSHA3-512-Password", "SSHA3-512", 64, HashAlgorithm.SHA3_512),
    PBKDF2("PBKDF2-Password", "PBKDF2", 0, null),
    /** MD4 of the UTF-16LE password (RFC 2759 §8.3). */
    NT("NT-Password", "NT", 16, null),
    /** LAN Manager hash (RFC 2433 §A.2). */
    LM("LM-Password", "LM", 16, null),
    /** Netscape Messaging Server: 32 hex digits of MD5(salt + 'Y' + password + 0xF7 + salt), then the salt. */
    NS_MTA_MD5("NS-MTA-MD5-Password", "NS-MTA-MD5", 0, HashAlgorithm.MD5);

    private final String attributeName;
    private final String label;
    private final int minimumLength;
    private final @Nullable HashAlgorithm algorithm;

    PasswordForm(String attributeName, String label, int minimumLength, @Nullable HashAlgorithm algorithm) {
        this.attributeName = attributeName;
        this.label = label;
        this.minimumLength = minimumLength;
        this.algorithm = algorithm;
    }

    /** The FreeRADIUS control attribute that holds this form. */
    String attributeName() {
        return attributeName;
    }

    /** The name rlm_pap's messages use, as in {@code "SSHA digest does not match"}. */
    String label() {
        return label;
    }

    /**
     * The least number of octets the decoded value has, which decides whether hex or base64 text is decoded
     * (rlm_pap's {@code normify}); 0 for forms stored as text.
     */
    int minimumLength() {
        return minimumLength;
    }

    /** The digest, for fixed-digest forms; null for the others (SHA2 picks one by length). */
    @Nullable HashAlgorithm algorithm() {
        return algorithm;
    }

    /** Whether the value is a digest followed by the salt that was appended to the password. */
    boolean isSalted() {
        return switch (this) {
            case SMD5, SSHA1, SSHA2_224, SSHA2_256, SSHA2_384, SSHA2_512, SSHA3_224, SSHA3_256, SSHA3_384,
                 SSHA3_512 -> true;
            default -> false;
        };
    }

    /** Whether checking a password against this form is deliberately slow (key stretching). */
    boolean isSlow() {
        return this == CRYPT || this == PBKDF2;
    }
}
