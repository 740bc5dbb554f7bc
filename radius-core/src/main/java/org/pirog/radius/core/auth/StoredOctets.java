package org.pirog.radius.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Turns the text of a stored password into octets the way FreeRADIUS does. Runs once per stored value (the
 * results are cached), so it may allocate.
 */
final class StoredOctets {

    private StoredOctets() {
    }

    /**
     * The octets of an {@code octets} control attribute written as text: {@code 0x} and hex digits as FreeRADIUS
     * parses an octets value, anything else as its UTF-8 octets (to be {@link #normalise normalised}).
     */
    static byte[] ofValue(String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        if (text.length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
            byte[] decoded = hex(text, 2, text.length);
            if (decoded != null) {
                return decoded;
            }
        }
        return text;
    }

    /**
     * rlm_pap's {@code normify}: a hashed password may be stored as hex or base64 text. Hex is decoded when the text
     * has an even length of at least twice {@code minimumLength} and is all hex digits; otherwise base64 when the
     * text is long enough to hold {@code minimumLength} octets and decodes to at least that many; otherwise the
     * value is taken as the octets themselves.
     */
    static byte[] normalise(byte[] value, int minimumLength) {
        if ((value.length & 1) == 0 && value.length >= 2 * minimumLength) {
            byte[] decoded = hex(value, 0, value.length);
            if (decoded != null) {
                return decoded;
            }
        }
        if (value.length * 3 >= minimumLength * 4) {
            byte[] decoded = base64(value, 0, value.length, false);
            if (decoded != null && decoded.length >= minimumLength) {
                return decoded;
            }
        }
        return value;
    }

    /** {@code text[from..to)} decoded from hex (either case), or null if it is not an even run of hex digits. */
    static byte @Nullable [] hex(byte[] text, int from, int to) {
        if (((to - from) & 1) != 0) {
            return null;
        }
        byte[] out = new byte[(to - from) / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(text[from + 2 * i], 16);
            int low = Character.digit(text[from + 2 * i + 1], 16);
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) ((high << 4) | low);
        }
        return out;
    }

    /**
     * {@code text[from..to)} decoded from base64 (RFC 4648 §4), padding optional, or null if it is not base64.
     * With {@code adapted}, {@code '.'} stands for {@code '+'} as in passlib's "ab64" and OpenLDAP's PBKDF2 values.
     */
    static byte @Nullable [] base64(byte[] text, int from, int to, boolean adapted) {
        byte[] copy = Arrays.copyOfRange(text, from, to);
        if (adapted) {
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] == '.') {
                    copy[i] = '+';
                }
            }
        }
        try {
            return Base64.getDecoder().decode(copy);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    static int indexOf(byte[] value, int from, int to, byte octet) {
        for (int i = from; i < to; i++) {
            if (value[i] == octet) {
                return i;
            }
        }
        return -1;
    }
}
