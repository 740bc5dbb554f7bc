package org.pirog.radius.benchmarks.load;

/** What the generator made of one reply. Everything but {@link #OK} is a wrong reply. */
enum Verdict {
    OK("ok"),
    UNEXPECTED_CODE("unexpected code"),
    BAD_RESPONSE_AUTHENTICATOR("bad Response Authenticator"),
    BAD_MESSAGE_AUTHENTICATOR("bad Message-Authenticator"),
    MISSING_MESSAGE_AUTHENTICATOR("missing Message-Authenticator"),
    BAD_MS_CHAP2_SUCCESS("bad MS-CHAP2-Success"),
    MALFORMED("malformed");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
