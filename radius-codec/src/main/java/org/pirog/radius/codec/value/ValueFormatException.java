package org.pirog.radius.codec.value;

/**
 * Text that is not a value of the attribute's type, e.g. {@code "10.0.0.300" is not an IPv4 address for
 * Framed-IP-Address}. Raised while configuration or policy data is read, so the message says what was
 * expected and names the attribute; the caller adds the file and line. No stack trace: the cause is always the
 * input, and a bulk import may raise many.
 */
public final class ValueFormatException extends Exception {

    public ValueFormatException(String message) {
        super(message, null, false, false);
    }
}
