package org.pirog.radius.codec.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The model built from small hand-written dictionaries. */
class DictionaryTest {

    private static Dictionary parse(String text) throws DictionaryException {
        return Dictionary.load("dictionary.test", new StringReader(text));
    }

    @Test
    void valuesMayPrecedeTheirAttribute() throws DictionaryException {
        Dictionary dictionary = parse("""
                VALUE\tLater\tOn\t1   # forward reference, as several vendor files have
                ATTRIBUTE\tLater\t200\tinteger
                VALUE\tLater\tOff\t0
                """);
        AttributeDefinition later = dictionary.attribute("Later");
        assertThat(later.valueNumber("on", -1)).isEqualTo(1);
        assertThat(later.values()).extracting(NamedValue::name).containsExactly("On", "Off");
    }

    @Test
    void valueAliasSharesAnotherAttributesValues() throws DictionaryException {
        Dictionary dictionary = parse("""
                ATTRIBUTE A 200 integer
                ATTRIBUTE B 201 integer
                VALUE A Yes 1
                VALUE-ALIAS B A
                """);
        assertThat(dictionary.attribute("B").valueName(1)).isEqualTo("Yes");
    }

    @Test
    void aliasNamesShareANumberAndTheLastOnePrints() throws DictionaryException {
        Dictionary dictionary = parse("""
                ATTRIBUTE Old-Name 200 string
                ATTRIBUTE New-Name 200 string
                """);
        assertThat(dictionary.attribute("Old-Name").number()).isEqualTo(200);
        assertThat(dictionary.attribute(0, 200).name()).isEqualTo("New-Name");
        assertThat(dictionary.attributeCount()).isEqualTo(2);
    }

    @Test
    void oldStyleVendorFieldAndProtocolLines() throws DictionaryException {
        Dictionary dictionary = parse("""
                PROTOCOL RADIUS 1
                VENDOR Acme 4242 format=2,1
                ATTRIBUTE Acme-Big 0x1234 integer Acme
                BEGIN-VENDOR Acme
                ATTRIBUTE Acme-Key 2 octets[16] encrypt=2,secret
                ATTRIBUTE Acme-Int 3 uint32 internal
                END-VENDOR Acme
                """);
        AttributeDefinition big = dictionary.attribute("Acme-Big");
        assertThat(big.vendorId()).isEqualTo(4242);
        assertThat(big.oid()).isEqualTo("26.4242.4660");
        assertThat(dictionary.attribute(4242, 0x1234)).isSameAs(big);
        AttributeDefinition key = dictionary.attribute("Acme-Key");
        assertThat(key.vendor().typeLength()).isEqualTo(2);
        assertThat(key.fixedLength()).isEqualTo(16);
        assertThat(key.encryption()).isEqualTo(Encryption.TUNNEL_PASSWORD);
        assertThat(dictionary.attribute("Acme-Int").type()).isEqualTo(DataType.INTEGER);
    }

    @Test
    void tlvBlocksAndDottedNumbersInsideVendors() throws DictionaryException {
        Dictionary dictionary = parse("""
                ATTRIBUTE Vendor-Specific 26 vsa
                VENDOR Acme 4242
                BEGIN-VENDOR Acme
                ATTRIBUTE Acme-Tlv 1 tlv
                BEGIN-TLV Acme-Tlv
                ATTRIBUTE Acme-Inner 1 tlv
                END-TLV Acme-Tlv
                ATTRIBUTE Acme-Leaf 1.1.7 ipaddr
                END-VENDOR Acme
                ATTRIBUTE Acme-Outside 26.4242.9 string
                """);
        AttributeDefinition leaf = dictionary.attribute("Acme-Leaf");
        assertThat(leaf.oid()).isEqualTo("26.4242.1.1.7");
        assertThat(leaf.parent()).isSameAs(dictionary.attribute("Acme-Inner"));
        assertThat(leaf.vendorId()).isEqualTo(4242);
        assertThat(dictionary.attribute(4242, 1).child(1).child(7)).isSameAs(leaf);
        AttributeDefinition outside = dictionary.attribute("Acme-Outside");
        assertThat(outside.parent()).isNull();
        assertThat(dictionary.attribute(4242, 9)).isSameAs(outside);
    }

    @Test
    void unknownAttributesAreNamedAfterTheirOid() throws DictionaryException {
        Dictionary dictionary = parse("""
                ATTRIBUTE Ext 241 extended
                ATTRIBUTE Evs 241.26 evs
                VENDOR Acme 4242
                ATTRIBUTE Acme-Tlv 1 tlv Acme
                """);
        AttributeDefinition plain = dictionary.unknown(null, 0, 77);
        assertThat(plain.name()).isEqualTo("Attr-77");
        assertThat(plain.type()).isEqualTo(DataType.OCTETS);
        assertThat(plain.isUnknown()).isTrue();
        assertThat(dictionary.attribute("Attr-77")).isNull(); // not registered

        AttributeDefinition vsa = dictionary.unknown(null, 9999, 12);
        assertThat(vsa.name()).isEqualTo("Attr-26.9999.12");
        assertThat(vsa.vendorId()).isEqualTo(9999);
        assertThat(dictionary.unknown(null, 4242, 5).vendor()).isSameAs(dictionary.vendor(4242));

        AttributeDefinition ext = dictionary.attribute("Ext");
        assertThat(dictionary.unknown(ext, 0, 7).name()).isEqualTo("Attr-241.7");
        assertThat(dictionary.unknown(dictionary.attribute("Evs"), 4242, 3).name()).isEqualTo("Attr-241.26.4242.3");
        AttributeDefinition child = dictionary.unknown(dictionary.attribute("Acme-Tlv"), 0, 99);
        assertThat(child.name()).isEqualTo("Attr-26.4242.1.99");
        assertThat(child.vendorId()).isEqualTo(4242);
        assertThat(dictionary.attribute("User-Name")).isNull();

        assertThatThrownBy(() -> dictionary.unknown(plain, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bundledDictionaryFailsClearlyWhenMissing() {
        if (Dictionary.class.getClassLoader().getResource(Dictionary.PIROG_DICTIONARY) == null) {
            assertThatThrownBy(Dictionary::pirog).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Dictionary.PIROG_DICTIONARY);
        } else {
            assertThat(Dictionary.pirog()).isSameAs(Dictionary.pirog());
        }
    }

    @Test
    void loadsClassPathResourcesWithSiblingIncludes() throws DictionaryException {
        Dictionary dictionary = Dictionary.loadResource("org/pirog/radius/codec/dictionary/test/dictionary");
        assertThat(dictionary.attribute("Test-Included").number()).isEqualTo(227);
        assertThat(dictionary.attribute("Test-Root").valueNumber("On", -1)).isEqualTo(1);

        assertThatThrownBy(() -> Dictionary.loadResource("org/pirog/nothing/here"))
                .isInstanceOf(DictionaryException.class).hasMessageContaining("classpath:org/pirog/nothing/here");
    }
}
