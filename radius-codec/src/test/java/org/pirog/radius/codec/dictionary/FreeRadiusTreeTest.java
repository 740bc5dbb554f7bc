package org.pirog.radius.codec.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads the FreeRADIUS 3.2 dictionary tree installed on the build machine, unchanged. */
class FreeRadiusTreeTest {

    static final Path TREE = Path.of("/usr/share/freeradius/dictionary");

    private static Dictionary dictionary;

    @BeforeAll
    static void load() throws DictionaryException {
        assumeTrue(Files.isRegularFile(TREE), "FreeRADIUS dictionaries not installed");
        dictionary = Dictionary.load(TREE);
    }

    @Test
    void loadsTheWholeTree() throws IOException {
        // 3.2.1 defines 8,600 ATTRIBUTE lines in all its files, but the root file includes only 7,468 of
        // them (dictionary.dhcp, .vqp, .wimax.alvarion ... are opt-in): count them independently.
        assertThat(dictionary.attributeCount()).isEqualTo(countAttributeLines()).isGreaterThan(7_000);
        assertThat(dictionary.attributes()).hasSize(dictionary.attributeCount());
        assertThat(dictionary.vendors()).hasSizeGreaterThanOrEqualTo(180);
    }

    @Test
    void standardAttributes() {
        AttributeDefinition userPassword = dictionary.attribute("User-Password");
        assertThat(userPassword.number()).isEqualTo(2);
        assertThat(userPassword.encryption()).isEqualTo(Encryption.USER_PASSWORD);
        assertThat(userPassword.secret()).isTrue();
        assertThat(userPassword.oid()).isEqualTo("2");
        assertThat(dictionary.attribute(0, 2)).isSameAs(userPassword);

        AttributeDefinition tunnelPassword = dictionary.attribute("Tunnel-Password");
        assertThat(tunnelPassword.hasTag()).isTrue();
        assertThat(tunnelPassword.encryption()).isEqualTo(Encryption.TUNNEL_PASSWORD);
        assertThat(tunnelPassword.type()).isEqualTo(DataType.STRING);

        AttributeDefinition eapMessage = dictionary.attribute("EAP-Message");
        assertThat(eapMessage.concat()).isTrue();
        assertThat(eapMessage.number()).isEqualTo(79);
        assertThat(dictionary.attribute("User-Name").concat()).isFalse();
    }

    @Test
    void namesAreCaseInsensitive() {
        AttributeDefinition serviceType = dictionary.attribute("Service-Type");
        assertThat(dictionary.attribute("service-type")).isSameAs(serviceType);
        assertThat(dictionary.attribute("SERVICE-TYPE")).isSameAs(serviceType);
        assertThat(dictionary.attribute(new StringBuilder("sErViCe-TyPe"))).isSameAs(serviceType);
        assertThat(dictionary.attribute("Service-Typ")).isNull();
        assertThat(dictionary.vendor("microsoft")).isSameAs(dictionary.vendor(311));
    }

    @Test
    void values() {
        AttributeDefinition serviceType = dictionary.attribute("Service-Type");
        assertThat(serviceType.valueNumber("Framed-User", -1)).isEqualTo(2);
        assertThat(serviceType.valueNumber("framed-user", -1)).isEqualTo(2);
        assertThat(serviceType.valueNumber("No-Such-Service", -1)).isEqualTo(-1);
        assertThat(serviceType.valueName(2)).isEqualTo("Framed-User");
        assertThat(serviceType.valueName(123_456)).isNull();
        assertThat(serviceType.valueCount()).isEqualTo(serviceType.values().size()).isGreaterThan(10);

        // Two names for 3: both parse, the later one (Interim-Update) prints, as in FreeRADIUS.
        AttributeDefinition statusType = dictionary.attribute("Acct-Status-Type");
        assertThat(statusType.valueNumber("Alive", -1)).isEqualTo(3);
        assertThat(statusType.valueName(3)).isEqualTo("Interim-Update");
        // Hexadecimal VALUE numbers.
        assertThat(statusType.valueNumber("Annex-User-Reject", -1)).isEqualTo(0x06300001L);
    }

    @Test
    void classicVendorSpecific() {
        AttributeDefinition response = dictionary.attribute("MS-CHAP2-Response");
        assertThat(response.vendorId()).isEqualTo(311);
        assertThat(response.number()).isEqualTo(25);
        assertThat(response.parent()).isNull();
        assertThat(response.vendor()).isSameAs(dictionary.vendor("Microsoft"));
        assertThat(response.oid()).isEqualTo("26.311.25");
        assertThat(dictionary.attribute(311, 25)).isSameAs(response);
        assertThat(dictionary.vendor(311).attribute(25)).isSameAs(response);

        AttributeDefinition sendKey = dictionary.attribute("MS-MPPE-Send-Key");
        assertThat(sendKey.encryption()).isEqualTo(Encryption.TUNNEL_PASSWORD);
        assertThat(sendKey.oid()).isEqualTo("26.311.16");
    }

    @Test
    void vendorFormats() {
        Vendor wimax = dictionary.vendor("WiMAX");
        assertThat(wimax.id()).isEqualTo(24757);
        assertThat(wimax.typeLength()).isEqualTo(1);
        assertThat(wimax.lengthLength()).isEqualTo(1);
        assertThat(wimax.hasContinuation()).isTrue();

        Vendor usr = dictionary.vendor("USR");
        assertThat(usr.typeLength()).isEqualTo(4);
        assertThat(usr.lengthLength()).isZero();
        assertThat(usr.hasContinuation()).isFalse();
        AttributeDefinition bearer = dictionary.attribute("USR-Bearer-Capabilities");
        assertThat(bearer.number()).isEqualTo(0x9800);
        assertThat(dictionary.attribute(usr.id(), 0x9800)).isSameAs(bearer);

        Vendor starent = dictionary.vendor("Starent");
        assertThat(starent.typeLength()).isEqualTo(2);
        assertThat(starent.lengthLength()).isEqualTo(2);
        Vendor lucent = dictionary.vendor("Lucent");
        assertThat(lucent.typeLength()).isEqualTo(2);
        assertThat(lucent.lengthLength()).isEqualTo(1);

        Vendor cisco = dictionary.vendor(9);
        assertThat(cisco.name()).isEqualTo("Cisco");
        assertThat(cisco.typeLength()).isEqualTo(1);
        assertThat(cisco.lengthLength()).isEqualTo(1);
    }

    @Test
    void extendedAttributes() {
        AttributeDefinition extended1 = dictionary.attribute(0, 241);
        assertThat(extended1.name()).isEqualTo("Extended-Attribute-1");
        assertThat(extended1.type()).isEqualTo(DataType.EXTENDED);
        assertThat(dictionary.attribute(0, 245).type()).isEqualTo(DataType.LONG_EXTENDED);

        AttributeDefinition fragStatus = dictionary.attribute("Frag-Status");
        assertThat(fragStatus.number()).isEqualTo(1);
        assertThat(fragStatus.parent()).isSameAs(extended1);
        assertThat(fragStatus.oid()).isEqualTo("241.1");
        assertThat(extended1.child(1)).isSameAs(fragStatus);
        assertThat(fragStatus.vendor()).isNull();

        AttributeDefinition portType = dictionary.attribute("IP-Port-Type");
        assertThat(portType.oid()).isEqualTo("241.5.1");
        assertThat(portType.parent()).isSameAs(dictionary.attribute("IP-Port-Limit-Info"));
        assertThat(extended1.child(5).child(1)).isSameAs(portType);
    }

    @Test
    void extendedVendorSpecific() {
        AttributeDefinition evs5 = dictionary.attribute("Extended-Vendor-Specific-5");
        assertThat(evs5.type()).isEqualTo(DataType.EVS);
        assertThat(evs5.oid()).isEqualTo("245.26");
        assertThat(dictionary.attribute(0, 245).child(26)).isSameAs(evs5);

        AttributeDefinition anonce = dictionary.attribute("FreeRADIUS-802.1X-Anonce");
        assertThat(anonce.parent()).isSameAs(evs5);
        assertThat(anonce.vendorId()).isEqualTo(11344);
        assertThat(anonce.vendor()).isSameAs(dictionary.vendor("FreeRADIUS"));
        assertThat(anonce.number()).isEqualTo(1);
        assertThat(anonce.oid()).isEqualTo("245.26.11344.1");
        assertThat(evs5.evsAttribute(11344, 1)).isSameAs(anonce);
        assertThat(evs5.evsAttribute(11344, 200)).isNull();
        // The EVS attribute is not a classic VSA of the same vendor.
        assertThat(dictionary.attribute(11344, 1)).isNotSameAs(anonce);
    }

    @Test
    void vendorTlvChildren() {
        AttributeDefinition capability = dictionary.attribute("WiMAX-Capability");
        assertThat(capability.type()).isEqualTo(DataType.TLV);
        assertThat(capability.oid()).isEqualTo("26.24757.1");
        AttributeDefinition release = dictionary.attribute("WiMAX-Release");
        assertThat(release.oid()).isEqualTo("26.24757.1.1");
        assertThat(release.parent()).isSameAs(capability);
        assertThat(release.vendorId()).isEqualTo(24757);
        assertThat(capability.child(1)).isSameAs(release);

        AttributeDefinition accounting = dictionary.attribute("WiMAX-Accounting-Capabilities");
        assertThat(accounting.oid()).isEqualTo("26.24757.1.2");
        assertThat(accounting.valueNumber("IP-Session-Based", -1)).isEqualTo(1);

        AttributeDefinition deep = dictionary.attribute("WiMAX-PFDv2-Eth-Proto-Type");
        assertThat(deep.oid()).isEqualTo("26.24757.84.9.9.1");
        assertThat(deep.parent().parent().parent().parent()).isNull();
        assertThat(dictionary.attribute(24757, 84).child(9).child(9).child(1)).isSameAs(deep);
    }

    @Test
    void octetsWithFixedLength() {
        AttributeDefinition fixed = dictionary.attributes().stream()
                .filter(a -> a.fixedLength() == 16).findFirst().orElseThrow();
        assertThat(fixed.type()).isEqualTo(DataType.OCTETS);
        assertThat(dictionary.attribute("User-Name").fixedLength()).isEqualTo(-1);
    }

    @Test
    void internalAttributesAboveTheWireRange() {
        AttributeDefinition authType = dictionary.attribute("Auth-Type");
        assertThat(authType.number()).isGreaterThan(255);
        assertThat(dictionary.attribute(0, authType.number())).isSameAs(authType);
    }

    @Test
    void extendsTheTreeLikeRadiusdDoes() throws DictionaryException {
        // radiusd loads dictionary.dhcp and dictionary.vqp after the root, then a site file.
        Path site = TREE.resolveSibling("dictionary.dhcp");
        Dictionary extended = Dictionary.load(TREE, site, TREE.resolveSibling("dictionary.vqp"));
        assertThat(extended.attribute("DHCP-Opcode")).isNotNull();
        assertThat(extended.attributeCount()).isGreaterThan(dictionary.attributeCount() + 200);
    }

    /** ATTRIBUTE lines of the root file and the files it includes (the tree nests no further). */
    private static long countAttributeLines() throws IOException {
        long count = 0;
        List<String> root = Files.readAllLines(TREE, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String line : root) {
            if (line.startsWith("$INCLUDE")) {
                Path included = TREE.resolveSibling(line.substring(8).trim());
                count += Files.readAllLines(included, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                        .filter(l -> l.startsWith("ATTRIBUTE")).count();
            }
        }
        return count;
    }
}
