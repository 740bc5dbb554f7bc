package org.pirog.radius.codec.value;

import java.io.StringReader;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.DictionaryException;

/** One attribute of every data type, named after it ({@code T-ipaddr}), with a few {@code VALUE}s. */
final class TestDictionary {
    static final Dictionary DICTIONARY = load();

    private TestDictionary() {
    }

    static AttributeDefinition attribute(String name) {
        AttributeDefinition definition = DICTIONARY.attribute(name);
        if (definition == null) {
            throw new IllegalArgumentException(name);
        }
        return definition;
    }

    private static Dictionary load() {
        try {
            return Dictionary.load("dictionary.values", new StringReader("""
                    ATTRIBUTE T-string 1 string
                    ATTRIBUTE T-octets 2 octets
                    ATTRIBUTE T-ipaddr 3 ipaddr
                    ATTRIBUTE T-ipv4prefix 4 ipv4prefix
                    ATTRIBUTE T-integer 5 integer
                    ATTRIBUTE T-integer64 6 integer64
                    ATTRIBUTE T-byte 7 byte
                    ATTRIBUTE T-short 8 short
                    ATTRIBUTE T-signed 9 signed
                    ATTRIBUTE T-date 10 date
                    ATTRIBUTE T-ipv6addr 11 ipv6addr
                    ATTRIBUTE T-ipv6prefix 12 ipv6prefix
                    ATTRIBUTE T-ifid 13 ifid
                    ATTRIBUTE T-ether 14 ether
                    ATTRIBUTE T-combo-ip 15 combo-ip
                    ATTRIBUTE T-tlv 16 tlv
                    ATTRIBUTE T-tlv-child 16.1 integer
                    ATTRIBUTE T-abinary 17 abinary
                    ATTRIBUTE T-tagged 18 integer has_tag
                    ATTRIBUTE T-fixed 19 octets[4]
                    ATTRIBUTE T-secret 20 octets secret
                    ATTRIBUTE T-vsa 26 vsa
                    ATTRIBUTE T-extended 241 extended
                    ATTRIBUTE T-long-extended 245 long-extended
                    ATTRIBUTE T-evs 241.26 evs
                    VALUE T-integer Framed-User 2
                    VALUE T-integer Callback-Framed-User 4
                    VALUE T-integer 3GPP 7
                    VALUE T-byte Seven 7
                    VALUE T-short Big 65535
                    VALUE T-short 64 2
                    VALUE T-tagged L2TP 3
                    VALUE T-signed Minus-One -1
                    """));
        } catch (DictionaryException e) {
            throw new IllegalStateException(e);
        }
    }
}
