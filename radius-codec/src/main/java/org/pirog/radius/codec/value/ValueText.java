package org.pirog.radius.codec.value;

import static org.pirog.radius.codec.value.AddressText.IPV4_LENGTH;
import static org.pirog.radius.codec.value.AddressText.IPV6_LENGTH;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;

/**
 * Attribute values between text and wire octets, per {@link DataType}, in the forms FreeRADIUS 3 users files, SQL
 * {@code radreply} rows and radclient input use, and printed as {@code radiusd -X} and {@code radclient -x} print
 * them. Wire values are value octets only: no type, length or RFC 2868 tag octet.
 *
 * <p>{@link #parse} reads text already unquoted and unescaped by the caller (the configuration parser's job).
 * Surrounding white space is ignored except in string and octets values. Input forms:
 * <ul>
 * <li>string: the UTF-8 octets of the text as it is ({@code 0x41} is the three characters, not hex).
 * <li>octets: {@code 0x} and hex digits, else the UTF-8 octets of the text; exactly N octets for
 *     {@code octets[N]}.
 * <li>byte, short, integer, integer64: decimal, {@code 0x} hex, or a {@code VALUE} name; checked against the
 *     type's range. A tagged integer (RFC 2868 §3.1) has 24 bits and parses to 3 octets, as the decoder gives it.
 * <li>signed: decimal with an optional {@code -}, or {@code 0x} hex of the 32 bits.
 * <li>date: epoch seconds, FreeRADIUS's {@code Jan 1 2027 12:00[:00] [UTC]} in its orders, or ISO-8601 (see
 *     {@link DateText}). A date written without a zone is in the zone passed to {@link #parse(AttributeDefinition,
 *     String, ZoneId)}, as FreeRADIUS reads it in the server's local time; {@link #parse(AttributeDefinition,
 *     String)} reads it in UTC.
 * <li>ipaddr: dotted quad only, never a host name. ipv6addr: RFC 4291 §2.2 text. combo-ip: either, by form. A
 *     host prefix length ({@code /32}, {@code /128}) may follow, as FreeRADIUS allows.
 * <li>ipv4prefix {@code 10.0.0.0/8} (RFC 6572 layout: reserved, prefix length, 4 octets) and ipv6prefix
 *     {@code 2001:db8::/32} (RFC 3162 §2.3: reserved, prefix length, always all 16 address octets, as FreeRADIUS
 *     3.2 holds, compares and sends them: it answers {@code 2001:db8:1::/48} with 18 octets, not 8); host bits
 *     are cleared as FreeRADIUS does, and a missing length means a host prefix. RFC 3162 lets a sender leave out
 *     the octets past the prefix: whoever compares such a value with a parsed one pads it with zeros first.
 * <li>ifid {@code 0011:2233:4455:6677}; ether {@code 00:11:22:33:44:55}, with {@code -}, or 12 hex digits.
 * <li>abinary, tlv and the structural types: {@code 0x} hex only (Ascend filter syntax is not supported).
 * </ul>
 *
 * <p>{@link #format} prints strings quoted with FreeRADIUS escapes (see {@link StringText}), octets and
 * anything else without a text form as {@code 0x} hex, integers by {@code VALUE} name if any, dates quoted in
 * UTC, addresses as {@code inet_ntop} does. A value whose length does not fit its type, e.g. a three-octet
 * integer, prints as hex rather than failing. Not done: Ascend filter text for abinary (FreeRADIUS prints the
 * filter; here it is hex), and {@code VALUE} names that are themselves numbers print as the name and read back as
 * the number, as in FreeRADIUS.
 *
 * <p>An {@code array} attribute's value is one element here, as FreeRADIUS splits arrays into one attribute per
 * element. Printing never hides anything: callers must not print values of {@link AttributeDefinition#secret()}
 * attributes. Stateless; safe for any number of threads.
 */
public final class ValueText {
    /** Longest piece of input text an error message repeats. */
    private static final int QUOTED_TEXT_LIMIT = 64;

    private ValueText() {
    }

    /** The wire octets of {@code text} as a value of {@code definition}'s type; a date without a zone is UTC. */
    public static byte[] parse(AttributeDefinition definition, String text) throws ValueFormatException {
        return parse(definition, text, ZoneOffset.UTC);
    }

    /**
     * The wire octets of {@code text} as a value of {@code definition}'s type, a date written without a zone being
     * wall-clock time in {@code zone}. Policy (users files, SQL check and reply rows) passes the server's zone,
     * because FreeRADIUS reads such dates with {@code mktime}, in local time.
     */
    public static byte[] parse(AttributeDefinition definition, String text, ZoneId zone) throws ValueFormatException {
        DataType type = definition.type();
        return switch (type) {
            case STRING -> text.getBytes(StandardCharsets.UTF_8);
            case OCTETS -> octets(definition, text);
            case BYTE, SHORT, INTEGER, INTEGER64 -> IntegerText.parseUnsigned(definition, text);
            case SIGNED -> IntegerText.parseSigned(definition, text);
            case DATE -> date(definition, text, zone);
            case IPADDR -> address(definition, text.strip(), false);
            case IPV6ADDR -> address(definition, text.strip(), true);
            case COMBO_IP -> address(definition, text.strip(), text.indexOf(':') >= 0);
            case IPV4PREFIX -> prefix(definition, text.strip(), false);
            case IPV6PREFIX -> prefix(definition, text.strip(), true);
            case IFID -> {
                byte[] ifid = new byte[8];
                if (!AddressText.parseIfid(text.strip(), ifid)) {
                    throw invalid(definition, text, "an interface id (0011:2233:4455:6677)");
                }
                yield ifid;
            }
            case ETHER -> {
                byte[] ether = new byte[6];
                if (!AddressText.parseEther(text.strip(), ether)) {
                    throw invalid(definition, text, "an Ethernet address (00:11:22:33:44:55)");
                }
                yield ether;
            }
            case TLV, ABINARY, VSA, EXTENDED, LONG_EXTENDED, EVS -> hexOnly(definition, text.strip());
        };
    }

    /**
     * A date as FreeRADIUS prints it in log lines, messages and expansions, in the server's local time, here in
     * {@code zone} and without quotes: {@code Jan  1 2030 03:00:00 MSK} ({@code strftime "%b %e %Y %H:%M:%S %Z"}).
     */
    public static String formatDate(long epochSeconds, ZoneId zone) {
        StringBuilder out = new StringBuilder(28);
        DateText.appendInZone(out, epochSeconds, zone);
        return out.toString();
    }

    /** The value as FreeRADIUS prints it, e.g. {@code "text"}, {@code 0x0a0b}, {@code Framed-User}. */
    public static String format(AttributeDefinition definition, byte[] value, int offset, int length) {
        return appendTo(new StringBuilder(Math.max(16, 2 * length + 2)), definition, value, offset, length)
                .toString();
    }

    public static String format(AttributeDefinition definition, byte[] value) {
        return format(definition, value, 0, value.length);
    }

    /** Appends the value as {@link #format} prints it to {@code out}, and returns {@code out}. */
    public static StringBuilder appendTo(StringBuilder out, AttributeDefinition definition, byte[] value,
            int offset, int length) {
        Objects.checkFromIndexSize(offset, length, value.length);
        DataType type = definition.type();
        if (!printable(definition, value, offset, length)) {
            StringText.appendHex(out, value, offset, length);
            return out;
        }
        switch (type) {
            case STRING -> StringText.appendQuoted(out, value, offset, length);
            case BYTE, SHORT, INTEGER -> IntegerText.appendUnsigned(out, definition, true, value, offset, length);
            case INTEGER64 -> IntegerText.appendUnsigned(out, definition, false, value, offset, length);
            case SIGNED -> IntegerText.appendSigned(out, value, offset);
            case DATE -> DateText.append(out, (long) readInt(value, offset) & 0xFFFF_FFFFL);
            case IPADDR -> AddressText.appendIpv4(out, value, offset);
            case IPV6ADDR -> AddressText.appendIpv6(out, value, offset);
            case COMBO_IP -> {
                if (length == IPV4_LENGTH) {
                    AddressText.appendIpv4(out, value, offset);
                } else {
                    AddressText.appendIpv6(out, value, offset);
                }
            }
            case IPV4PREFIX -> {
                AddressText.appendIpv4(out, value, offset + 2);
                out.append('/').append(value[offset + 1] & 0xFF);
            }
            case IPV6PREFIX -> {
                // RFC 3162 §2.3: the prefix octets may be fewer than 16; the rest are zero.
                byte[] address = new byte[IPV6_LENGTH];
                System.arraycopy(value, offset + 2, address, 0, length - 2);
                AddressText.appendIpv6(out, address, 0);
                out.append('/').append(value[offset + 1] & 0xFF);
            }
            case IFID -> AddressText.appendIfid(out, value, offset);
            case ETHER -> AddressText.appendEther(out, value, offset);
            default -> StringText.appendHex(out, value, offset, length);
        }
        return out;
    }

    /** Whether the value has the shape its type needs to print as that type rather than as hex. */
    private static boolean printable(AttributeDefinition definition, byte[] value, int offset, int length) {
        return switch (definition.type()) {
            case STRING -> true;
            case BYTE -> length == 1;
            case SHORT -> length == 2;
            case INTEGER -> length == 4 || length == 3 && definition.hasTag();
            case SIGNED, DATE, IPADDR -> length == 4;
            case INTEGER64, IFID -> length == 8;
            case IPV6ADDR -> length == IPV6_LENGTH;
            case COMBO_IP -> length == IPV4_LENGTH || length == IPV6_LENGTH;
            case ETHER -> length == 6;
            case IPV4PREFIX -> length == 6 && value[offset] == 0 && (value[offset + 1] & 0xFF) <= 32;
            case IPV6PREFIX -> length >= 2 && length <= 18 && (value[offset + 1] & 0xFF) <= 128;
            default -> false;
        };
    }

    private static byte[] octets(AttributeDefinition definition, String text) throws ValueFormatException {
        byte[] octets = StringText.isHex(text) ? StringText.parseHex(text) : text.getBytes(StandardCharsets.UTF_8);
        if (octets == null) {
            throw invalid(definition, text, "hex octets (0x and an even number of hex digits)");
        }
        int fixed = definition.fixedLength();
        if (fixed >= 0 && octets.length != fixed) {
            throw new ValueFormatException(quote(definition, text) + " is " + octets.length + " octets, "
                    + definition.name() + " needs exactly " + fixed);
        }
        return octets;
    }

    private static byte[] hexOnly(AttributeDefinition definition, String text) throws ValueFormatException {
        byte[] octets = StringText.isHex(text) ? StringText.parseHex(text) : null;
        if (octets == null) {
            throw invalid(definition, text, "hex octets (0x and an even number of hex digits), as "
                    + definition.type().dictionaryName() + " values have no other text form");
        }
        return octets;
    }

    private static byte[] date(AttributeDefinition definition, String text, ZoneId zone)
            throws ValueFormatException {
        long seconds = DateText.parseSeconds(text, zone);
        if (seconds == DateText.NOT_A_DATE) {
            throw invalid(definition, text, "a date (epoch seconds, \"Jan 1 2027 00:00:00 UTC\" or ISO-8601)");
        }
        if (seconds < 0 || seconds > DateText.MAX_SECONDS) {
            throw new ValueFormatException(quote(definition, text) + " is out of range for " + definition.name()
                    + " (dates from 1970-01-01 to 2106-02-07T06:28:15Z)");
        }
        return new byte[] {(byte) (seconds >>> 24), (byte) (seconds >>> 16), (byte) (seconds >>> 8), (byte) seconds};
    }

    private static byte[] address(AttributeDefinition definition, String text, boolean ipv6)
            throws ValueFormatException {
        byte[] address = new byte[ipv6 ? IPV6_LENGTH : IPV4_LENGTH];
        // FreeRADIUS takes an address with its host prefix length too, and refuses any other length.
        String hostLength = ipv6 ? "/128" : "/32";
        int end = text.endsWith(hostLength) ? text.length() - hostLength.length() : text.length();
        boolean parsed = ipv6 ? AddressText.parseIpv6(text, 0, end, address, 0)
                : end < text.length() ? AddressText.parseIpv4Network(text, 0, end, address, 0)
                : AddressText.parseIpv4Aton(text, 0, end, address, 0);
        if (!parsed) {
            throw invalid(definition, text, ipv6 ? "an IPv6 address" : "an IPv4 address");
        }
        return address;
    }

    private static byte[] prefix(AttributeDefinition definition, String text, boolean ipv6)
            throws ValueFormatException {
        int slash = text.indexOf('/');
        int end = slash < 0 ? text.length() : slash;
        int maxLength = ipv6 ? 128 : 32;
        int prefixLength = slash < 0 ? maxLength : prefixLength(text, slash + 1);
        byte[] prefix = new byte[2 + (ipv6 ? IPV6_LENGTH : IPV4_LENGTH)];
        boolean parsed = ipv6 ? AddressText.parseIpv6(text, 0, end, prefix, 2)
                : slash >= 0 ? AddressText.parseIpv4Network(text, 0, end, prefix, 2)
                : AddressText.parseIpv4Aton(text, 0, end, prefix, 2);
        if (!parsed || prefixLength < 0 || prefixLength > maxLength) {
            throw invalid(definition, text, ipv6 ? "an IPv6 prefix (2001:db8::/32)" : "an IPv4 prefix (10.0.0.0/8)");
        }
        prefix[1] = (byte) prefixLength;
        AddressText.maskHostBits(prefix, 2, prefix.length - 2, prefixLength);
        return prefix;
    }

    private static int prefixLength(String text, int from) {
        int length = text.length() - from;
        if (length < 1 || length > 3) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            if (!AddressText.isDigit(text.charAt(i))) {
                return -1;
            }
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static int readInt(byte[] value, int offset) {
        return (value[offset] & 0xFF) << 24 | (value[offset + 1] & 0xFF) << 16 | (value[offset + 2] & 0xFF) << 8
                | (value[offset + 3] & 0xFF);
    }

    /** {@code "<text>" is not <expected> for <attribute>}. */
    static ValueFormatException invalid(AttributeDefinition definition, String text, String expected) {
        return new ValueFormatException(quote(definition, text) + " is not " + expected + " for "
                + definition.name());
    }

    /** The input text for a message, shortened if long; a secret attribute's text is never repeated. */
    static String quote(AttributeDefinition definition, String text) {
        if (definition.secret()) {
            return "the value";
        }
        if (text.length() > QUOTED_TEXT_LIMIT) {
            return '"' + text.substring(0, QUOTED_TEXT_LIMIT) + "...\"";
        }
        return '"' + text + '"';
    }
}
