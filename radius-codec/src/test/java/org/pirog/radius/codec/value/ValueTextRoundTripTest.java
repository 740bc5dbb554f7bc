package org.pirog.radius.codec.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.dictionary.Dictionary;

/**
 * Wire value to text and back gives the same octets, for every data type and for every attribute of FreeRADIUS's
 * dictionary tree. Printed strings and dates are quoted and escaped; {@link #unquote} undoes that as a
 * configuration parser would before calling {@link ValueText#parse}.
 */
class ValueTextRoundTripTest {
    private static final Path FREERADIUS = Path.of("/usr/share/freeradius/dictionary");

    @ParameterizedTest
    @EnumSource(DataType.class)
    void everyTypeRoundTrips(DataType type) throws ValueFormatException {
        AttributeDefinition definition = TestDictionary.attribute("T-" + type.dictionaryName());
        RandomValues values = new RandomValues(type.ordinal());
        for (int round = 0; round < 2_000; round++) {
            byte[] value = values.valueFor(definition);
            if (!isNumericValueName(definition, value)) {
                assertRoundTrips(definition, value);
            }
        }
    }

    @Test
    void taggedIntegersAndFixedOctetsRoundTrip() throws ValueFormatException {
        RandomValues values = new RandomValues(7);
        for (String name : new String[] {"T-tagged", "T-fixed"}) {
            AttributeDefinition definition = TestDictionary.attribute(name);
            for (int round = 0; round < 200; round++) {
                assertRoundTrips(definition, values.valueFor(definition));
            }
        }
    }

    @Test
    void everyAttributeOfTheFreeRadiusTreeRoundTrips() throws Exception {
        assumeTrue(Files.exists(FREERADIUS), "FreeRADIUS dictionaries are not installed");
        Dictionary dictionary = Dictionary.load(FREERADIUS);
        RandomValues values = new RandomValues(2027);
        Set<DataType> types = EnumSet.noneOf(DataType.class);
        int checked = 0;
        for (AttributeDefinition definition : dictionary.attributes()) {
            for (int round = 0; round < 5; round++) {
                byte[] value = values.valueFor(definition);
                if (!isNumericValueName(definition, value)) {
                    assertRoundTrips(definition, value);
                    checked++;
                }
            }
            types.add(definition.type());
        }
        assertThat(checked).isGreaterThan(30_000);
        assertThat(types).hasSizeGreaterThan(15);
    }

    /**
     * A few vendor dictionaries name numbers with other numbers ({@code VALUE USR-Speed-Of-Connection 64 2}).
     * FreeRADIUS prints the name and reads text as a number first, so such a value does not come back; neither
     * does it here, by design.
     */
    private static boolean isNumericValueName(AttributeDefinition definition, byte[] value) {
        String printed = ValueText.format(definition, value, 0, value.length);
        return definition.valueNumber(printed, -1) >= 0 && IntegerText.parseNumber(printed) != Long.MIN_VALUE;
    }

    private static void assertRoundTrips(AttributeDefinition definition, byte[] value) throws ValueFormatException {
        String printed = ValueText.format(definition, value, 0, value.length);
        String text = unquote(printed);
        assertThat(ValueText.parse(definition, text))
                .as("%s = %s from 0x%s", definition.name(), printed, HexFormat.of().formatHex(value))
                .isEqualTo(value);
    }

    /** Undoes the double quotes and escapes of a printed string or date. */
    static String unquote(String printed) {
        if (printed.length() < 2 || printed.charAt(0) != '"') {
            return printed;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < printed.length() - 1; i++) {
            char c = printed.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = printed.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case '0', '1', '2', '3' -> {
                    text.append((char) Integer.parseInt(printed.substring(i, i + 3), 8));
                    i += 2;
                }
                default -> text.append(escaped);
            }
        }
        return text.toString();
    }
}
