package org.pirog.radius.codec.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.dictionary.NamedValue;

/**
 * Seeded random wire values in the canonical form {@link ValueText#parse} produces for each type: prefixes with
 * host bits clear and 16 IPv6 prefix octets, strings of text (what a configuration file can hold), and integers
 * that are often one of the attribute's {@code VALUE}s.
 */
final class RandomValues {
    private final SplittableRandom random;

    RandomValues(long seed) {
        random = new SplittableRandom(seed);
    }

    byte[] valueFor(AttributeDefinition definition) {
        int fixed = definition.fixedLength();
        DataType type = definition.type();
        return switch (type) {
            case STRING -> text().getBytes(StandardCharsets.UTF_8);
            case OCTETS -> bytes(fixed >= 0 ? fixed : random.nextInt(40));
            case BYTE, SHORT, INTEGER, INTEGER64, SIGNED -> integer(definition);
            case DATE, IPADDR -> bytes(4);
            case IPV6ADDR -> ipv6();
            case COMBO_IP -> random.nextBoolean() ? bytes(4) : ipv6();
            case IFID -> bytes(8);
            case ETHER -> bytes(6);
            case IPV4PREFIX -> prefix(4, 32);
            case IPV6PREFIX -> prefix(16, 128);
            case TLV, ABINARY, VSA, EXTENDED, LONG_EXTENDED, EVS -> bytes(1 + random.nextInt(30));
        };
    }

    private byte[] integer(AttributeDefinition definition) {
        int width = switch (definition.type()) {
            case BYTE -> 1;
            case SHORT -> 2;
            case INTEGER -> definition.hasTag() ? 3 : 4;
            case SIGNED -> 4;
            default -> 8;
        };
        List<NamedValue> values = definition.values();
        byte[] octets = bytes(width);
        if (!values.isEmpty() && random.nextBoolean()) {
            long number = values.get(random.nextInt(values.size())).number();
            for (int k = width - 1; k >= 0; k--) {
                octets[k] = (byte) number;
                number >>>= 8;
            }
        } else if (random.nextInt(4) == 0) {
            // small numbers are the common case and have their own corner (no leading zero octets in text)
            Arrays.fill(octets, 0, width - 1, (byte) 0);
        }
        return octets;
    }

    /** IPv6 addresses with runs of zero groups, so that every compression case comes up. */
    private byte[] ipv6() {
        byte[] address = bytes(16);
        for (int group = 0; group < 8; group++) {
            if (random.nextInt(3) == 0) {
                address[2 * group] = 0;
                address[2 * group + 1] = 0;
            }
        }
        if (random.nextInt(8) == 0) {
            Arrays.fill(address, 0, 10, (byte) 0);
            byte ffff = random.nextBoolean() ? (byte) 0xFF : 0;
            address[10] = ffff;
            address[11] = ffff;
        }
        return address;
    }

    private byte[] prefix(int addressLength, int maxBits) {
        byte[] prefix = new byte[2 + addressLength];
        int bits = random.nextInt(maxBits + 1);
        prefix[1] = (byte) bits;
        byte[] address = bytes(addressLength);
        System.arraycopy(address, 0, prefix, 2, addressLength);
        AddressText.maskHostBits(prefix, 2, addressLength, bits);
        return prefix;
    }

    /** Text with the characters FreeRADIUS escapes, controls, non-ASCII and astral code points. */
    String text() {
        int length = random.nextInt(20);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < length; k++) {
            int codePoint = switch (random.nextInt(6)) {
                case 0 -> "\"\\\n\r\t\u007f\u0000\u0001\u001b".charAt(random.nextInt(9));
                case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                case 2 -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
                case 3 -> 0xE000 + random.nextInt(0x2000);
                default -> 0x20 + random.nextInt(0x5F);
            };
            text.appendCodePoint(codePoint);
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) == 0) {
            text.setCharAt(text.length() - 1, 'z'); // a trailing NUL is not printed (see StringText)
        }
        return text.toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
