package org.pirog.radius.backend.memory.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;

/** Records FreeRADIUS 3.2.1 wrote for the same requests (sent with radclient), compared line by line. */
class DetailRecordTest {
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();
    private static final Nas NAS = Nas.of("localhost", NasNetwork.host(LOCALHOST), SharedSecret.of("testing123"));

    private static AccountingRecord record(RadiusPacketBuilder builder, long received) {
        return AccountingRecord.from(builder.build(), NAS, new InetSocketAddress(LOCALHOST, 40000),
                Instant.ofEpochSecond(received));
    }

    private static RadiusPacketBuilder accounting() {
        return RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 1);
    }

    @Test
    void aStartWithEveryKindOfValue() throws Exception {
        RadiusPacketBuilder builder = accounting()
                .addString("User-Name", "su1")
                .addNumber("Acct-Status-Type", 1)
                .addString("Acct-Session-Id", "s1")
                .addAddress("NAS-IP-Address", LOCALHOST)
                .addNumber("NAS-Port", 1)
                .addAddress("Framed-IP-Address", InetAddress.getByName("10.0.0.5"))
                .addNumber("Event-Timestamp", Instant.parse("2026-11-21T10:00:00Z").getEpochSecond())
                .addString("Calling-Station-Id", "a\"b")
                .add("Class", new byte[] {0x41, 0x42, 0x43})
                .addNumber("Acct-Input-Octets", 10)
                .addNumber("Acct-Input-Gigawords", 1)
                .addNumber(DICTIONARY.attribute("Tunnel-Type"), 1, 3)
                .addString("Cisco-AVPair", "x=y");
        assertThat(DetailRecord.format(record(builder, 1_795_257_017L), UTC)).isEqualTo("""
                Sat Nov 21 10:30:17 2026
                \tUser-Name = "su1"
                \tAcct-Status-Type = Start
                \tAcct-Session-Id = "s1"
                \tNAS-IP-Address = 127.0.0.1
                \tNAS-Port = 1
                \tFramed-IP-Address = 10.0.0.5
                \tEvent-Timestamp = "Nov 21 2026 10:00:00 UTC"
                \tCalling-Station-Id = "a\\"b"
                \tClass = 0x414243
                \tAcct-Input-Octets = 10
                \tAcct-Input-Gigawords = 1
                \tTunnel-Type:1 = L2TP
                \tCisco-AVPair = "x=y"
                \tAcct-Unique-Session-Id = "486fef8d5a122654b5982a33bcb4e5bd"
                \tTimestamp = 1795257017

                """);
    }

    @Test
    void textEscapesPrefixesAndUnknownAttributes() throws Exception {
        RadiusPacketBuilder builder = accounting()
                .addString("User-Name", "u\\x")
                .addNumber("Acct-Status-Type", 3)
                .addString("Acct-Session-Id", "0x61016263")
                .addAddress("NAS-IP-Address", LOCALHOST)
                .addNumber("Event-Timestamp", 1_704_067_200L)
                .add("Connect-Info", "привет\tx".getBytes(StandardCharsets.UTF_8))
                .addNumber("Acct-Delay-Time", 0)
                .add("Framed-IPv6-Prefix", HexFormat.of().parseHex("004020010db800000000"))
                .add(DICTIONARY.unknown(null, 9999, 1), new byte[] {1})
                .addString("NAS-Port-Id", "a b");
        assertThat(DetailRecord.format(record(builder, 1_795_257_088L), UTC)).isEqualTo("""
                Sat Nov 21 10:31:28 2026
                \tUser-Name = "u\\\\x"
                \tAcct-Status-Type = Interim-Update
                \tAcct-Session-Id = "0x61016263"
                \tNAS-IP-Address = 127.0.0.1
                \tEvent-Timestamp = "Jan  1 2024 00:00:00 UTC"
                \tConnect-Info = "привет\\tx"
                \tAcct-Delay-Time = 0
                \tFramed-IPv6-Prefix = 2001:db8::/64
                \tAttr-26.9999.1 = 0x01
                \tNAS-Port-Id = "a b"
                \tAcct-Unique-Session-Id = "39e0e2a1c26c8952a44a1eed825e7083"
                \tTimestamp = 1795257088

                """);
    }

    @Test
    void addsWhatFreeRadiusAddsAndLeavesPasswordsOut() {
        RadiusPacketBuilder builder = accounting()
                .addString("User-Name", "u")
                .addNumber("Acct-Status-Type", 2)
                .add("Message-Authenticator", HexFormat.of().parseHex("cad81e558a97443ad12fe664a0d6a2ca"))
                .add("Proxy-State", new byte[] {1})
                .addHidden(DICTIONARY.attribute("User-Password"), "secret".getBytes(StandardCharsets.UTF_8),
                        SharedSecret.of("testing123"))
                .addNumber("Acct-Session-Time", 5);
        AccountingRecord record = record(builder, 1_795_257_194L);
        // FreeRADIUS computed Acct-Unique-Session-Id after adding NAS-IP-Address (01d72bb7…); the record's own is
        // used here.
        assertThat(DetailRecord.format(record, UTC)).isEqualTo("""
                Sat Nov 21 10:33:14 2026
                \tUser-Name = "u"
                \tAcct-Status-Type = Stop
                \tMessage-Authenticator = 0xcad81e558a97443ad12fe664a0d6a2ca
                \tProxy-State = 0x01
                \tAcct-Session-Time = 5
                \tNAS-IP-Address = 127.0.0.1
                \tEvent-Timestamp = "Nov 21 2026 10:33:14 UTC"
                \tAcct-Unique-Session-Id = "%s"
                \tTimestamp = 1795257194

                """.formatted(record.uniqueSessionId()));
    }

    @Test
    void controlOctetsAndBrokenUtf8AreOctal() {
        StringBuilder out = new StringBuilder();
        DetailValue.quoted(new byte[] {'a', 1, 0x7F, (byte) 0xFF, (byte) 0xC3, (byte) 0xA9, '\r'}, out);
        assertThat(out).hasToString("\"a\\001\\177\\377é\\r\"");
    }

    @Test
    void ipv6TextIsCompressed() {
        StringBuilder out = new StringBuilder();
        DetailValue.ipv6(HexFormat.of().parseHex("20010db8000000010000000000000001"), 0, 16, out);
        assertThat(out).hasToString("2001:db8:0:1::1");
        out.setLength(0);
        DetailValue.ipv6(new byte[16], 0, 16, out);
        assertThat(out).hasToString("::");
    }
}
