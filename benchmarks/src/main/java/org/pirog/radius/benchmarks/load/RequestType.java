package org.pirog.radius.benchmarks.load;

import java.util.Locale;

/** The request types the generator sends. */
enum RequestType {
    /** Access-Request with User-Password (RFC 2865 §5.2) and Message-Authenticator. */
    PAP,
    /** Access-Request with MS-CHAP-Challenge and MS-CHAP2-Response (RFC 2548, 2759) and Message-Authenticator. */
    MSCHAPV2,
    /** Accounting-Request Start, Interim-Update, Stop of distinct sessions (RFC 2866). */
    ACCT;

    static RequestType parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--type must be pap, mschapv2 or acct, not " + text);
        }
    }

    String flag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
