package org.pirog.radius.core.auth;

import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * The Auth-Type values authentication acts on, resolved once from the dictionary's VALUE names. Accept (254),
 * Reject (4) and Local (1) have the numbers FreeRADIUS gives them even without a VALUE line; PAP, CHAP, MS-CHAP
 * and EAP are named by the dictionary (FreeRADIUS numbers them per authenticate section).
 */
final class AuthTypes {
    /** For a value the dictionary lacks: no item's value is this. */
    static final long NONE = Long.MIN_VALUE;
    /** An item's value that is neither a VALUE name nor a number. */
    static final long UNKNOWN = Long.MIN_VALUE + 1;

    final long accept;
    final long reject;
    final long local;
    final long pap;
    final long chap;
    final long msChap;
    final long eap;
    private final @Nullable AttributeDefinition authType;

    AuthTypes(Dictionary dictionary) {
        authType = dictionary.attribute("Auth-Type");
        accept = number("Accept", 254);
        reject = number("Reject", 4);
        local = number("Local", 1);
        pap = number("PAP", NONE);
        chap = number("CHAP", NONE);
        msChap = number("MS-CHAP", NONE);
        eap = number("EAP", NONE);
    }

    /** The number an Auth-Type item's value names: a VALUE name, or digits; else {@link #UNKNOWN}. */
    long valueOf(PolicyItem item) {
        String value = item.value();
        if (authType != null) {
            long number = authType.valueNumber(value, NONE);
            if (number != NONE) {
                return number;
            }
        }
        if (value.isEmpty() || value.length() > 10) {
            return UNKNOWN;
        }
        long number = 0;
        for (int i = 0; i < value.length(); i++) {
            int digit = value.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return UNKNOWN;
            }
            number = number * 10 + digit;
        }
        return number;
    }

    private long number(String name, long fallback) {
        return authType == null ? fallback : authType.valueNumber(name, fallback);
    }
}
