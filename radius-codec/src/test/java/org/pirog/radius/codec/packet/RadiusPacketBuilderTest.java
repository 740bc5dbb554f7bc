package org.pirog.radius.codec.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;

class RadiusPacketBuilderTest {
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final SharedSecret SECRET = SharedSecret.of("testing123");
    private static final RadiusPacketDecoder DECODER = new RadiusPacketDecoder(DICTIONARY);

    @Test
    void everySaltedAttributeOfAPacketHasItsOwnSalt() throws Exception {
        for (int n = 0; n < 200; n++) {
            RadiusPacket request = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1).build();
            RadiusPacket accept = request.replyBuilder(PacketCode.ACCESS_ACCEPT)
                    .addHidden(DICTIONARY.attribute("MS-MPPE-Send-Key"), new byte[16], SECRET)
                    .addHidden(DICTIONARY.attribute("MS-MPPE-Recv-Key"), new byte[16], SECRET)
                    .build();
            byte[] send = accept.copyValue(0);
            byte[] recv = accept.copyValue(1);
            assertThat(send[0] & 0x80).isEqualTo(0x80); // RFC 2548 §2.4.2: the high bit of the salt is set
            assertThat(new byte[] {send[0], send[1]}).isNotEqualTo(new byte[] {recv[0], recv[1]});
        }
    }

    @Test
    void withIdentifierChangesOnlyTheIdentifierAndSignsTheSameAsABuiltPacket() throws Exception {
        RadiusPacket prepared = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 0)
                .addMessageAuthenticator()
                .addString("User-Name", "bob")
                .addNumber("Acct-Status-Type", 1)
                .build();
        RadiusPacket renumbered = prepared.withIdentifier(200);
        RadiusPacket built = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 200)
                .addMessageAuthenticator()
                .addString("User-Name", "bob")
                .addNumber("Acct-Status-Type", 1)
                .build();

        assertThat(renumbered.identifier()).isEqualTo(200);
        assertThat(prepared.identifier()).isZero();
        assertThat(renumbered.stringValue(1)).isEqualTo("bob");
        assertThat(RadiusPacketEncoder.encode(renumbered, SECRET)).isEqualTo(RadiusPacketEncoder.encode(built, SECRET));
        assertThat(prepared.withIdentifier(0)).isSameAs(prepared);
        assertThatThrownBy(() -> prepared.withIdentifier(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsEapMessageAt253OctetsAndJoinsItBack() throws Exception {
        byte[] eap = new byte[600];
        for (int i = 0; i < eap.length; i++) {
            eap[i] = (byte) i;
        }
        AttributeDefinition eapMessage = DICTIONARY.attribute("EAP-Message");
        RadiusPacket packet = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1)
                .add(eapMessage, eap)
                .build();

        RadiusPacket decoded = DECODER.decode(packet.toByteArray());
        assertThat(decoded.attributeCount()).isEqualTo(3);
        assertThat(decoded.valueLength(0)).isEqualTo(253);
        assertThat(decoded.valueLength(1)).isEqualTo(253);
        assertThat(decoded.valueLength(2)).isEqualTo(94);
        assertThat(decoded.concatenated(eapMessage)).isEqualTo(eap);
    }

    @Test
    void fragmentsLongExtendedValuesWithTheMoreFlag() throws Exception {
        AttributeDefinition longParent = DICTIONARY.attribute(0, 245);
        AttributeDefinition attribute = DICTIONARY.unknown(longParent, 0, 77);
        RadiusPacket packet = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_ACCEPT, 1)
                .add(attribute, new byte[600])
                .build();
        byte[] wire = packet.toByteArray();

        // RFC 6929 §2.2: 251 value octets per full fragment, More set on all but the last.
        assertThat(wire[20] & 0xFF).isEqualTo(245);
        assertThat(wire[21] & 0xFF).isEqualTo(255);
        assertThat(wire[23] & 0xFF).isEqualTo(0x80);
        assertThat(wire[20 + 255 + 3] & 0xFF).isEqualTo(0x80);
        assertThat(wire[20 + 510 + 3] & 0xFF).isZero();
        assertThat(wire.length).isEqualTo(20 + 255 + 255 + 4 + 98);
        RadiusPacket decoded = DECODER.decode(wire);
        assertThat(decoded.attributeCount()).isEqualTo(1);
        assertThat(decoded.valueLength(0)).isEqualTo(600);
    }

    @Test
    void keepsSeveralVendorAttributesInOneVendorSpecific() throws Exception {
        byte[] packed = Hex.bytes("""
                04 05 00 23 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                1a 0f 00 00 01 37 07 06 00 00 00 01 08 03 02""");
        RadiusPacket decoded = DECODER.decode(packed);

        assertThat(decoded.attributeCount()).isEqualTo(2);
        assertThat(decoded.definition(0).name()).isEqualTo("MS-MPPE-Encryption-Policy");
        assertThat(decoded.attribute(1).continuesVendorSpecific()).isTrue();
        assertThat(PacketRebuilder.rebuild(decoded).toByteArray()).isEqualTo(packed);
    }

    @Test
    void refusesAValueTooLongForItsAttribute() {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1);
        assertThatThrownBy(() -> builder.add(DICTIONARY.attribute("Reply-Message"), new byte[254]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Reply-Message");
    }

    @Test
    void signsAccountingRequestsAndTheirMessageAuthenticator() throws Exception {
        RadiusPacket request = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 3)
                .addMessageAuthenticator()
                .addNumber("Acct-Status-Type", 1)
                .addString("Acct-Session-Id", "81a0b3c4")
                .build();
        RadiusPacket decoded = DECODER.decode(RadiusPacketEncoder.encode(request, SECRET));

        assertThat(decoded.hasValidRequestAuthenticator(SECRET)).isTrue();
        assertThat(decoded.hasValidMessageAuthenticator(SECRET, null)).isTrue();
        assertThat(decoded.hasValidRequestAuthenticator(SharedSecret.of("wrong"))).isFalse();
        assertThat(decoded.hasValidMessageAuthenticator(SharedSecret.of("wrong"), null)).isFalse();
    }

    @Test
    void hiddenFixedLengthValueDecodesByNameAndUnhides() throws Exception {
        // MS-CHAP-MPPE-Keys is octets[24] encrypt=1: 24 octets of plaintext travel as 32 (RFC 2548 §2.4.1).
        AttributeDefinition keys = DICTIONARY.attribute("MS-CHAP-MPPE-Keys");
        RadiusPacket request = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1).build();
        byte[] plain = new byte[24];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (i + 1);
        }
        RadiusPacket reply = request.replyBuilder(PacketCode.ACCESS_ACCEPT).addHidden(keys, plain, SECRET).build();
        RadiusPacket decoded = DECODER.decode(RadiusPacketEncoder.encode(reply, SECRET));
        int i = decoded.indexOf(keys);
        assertThat(i).isGreaterThanOrEqualTo(0);
        assertThat(decoded.valueLength(i)).isEqualTo(32);
        byte[] out = new byte[32];
        int length = decoded.unhide(i, SECRET, request.authenticator(), out, 0);
        assertThat(java.util.Arrays.copyOf(out, 24)).isEqualTo(plain);
        assertThat(length).isGreaterThanOrEqualTo(24);
    }
}
