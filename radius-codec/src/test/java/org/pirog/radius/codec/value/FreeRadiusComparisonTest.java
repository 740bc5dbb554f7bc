package org.pirog.radius.codec.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusAttribute;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;

/**
 * {@link ValueText} against FreeRADIUS itself, when it is installed: radclient reads each text and sends it, and
 * the octets must be what {@link ValueText#parse} makes of the same text; we answer with crafted values, and
 * radclient must print each as {@link ValueText#format} does. Runs radclient once, against a socket of this test
 * on an ephemeral loopback port, with {@code TZ=UTC} because FreeRADIUS reads and prints dates in local time.
 */
class FreeRadiusComparisonTest {
    private static final Path RADCLIENT = Path.of("/usr/bin/radclient");
    private static final Path DICTIONARY = Path.of("/usr/share/freeradius/dictionary");
    private static final String SECRET = "testing123";

    /** Attribute and text as a users file or radclient input writes it. */
    private static final String[][] INPUT = {
        {"Reply-Message", "plain text é"},
        {"Reply-Message", "0x41"},
        {"Class", "0x00ab4344"},
        {"Class", "abc"},
        {"Framed-IP-Address", "192.0.2.1"},
        {"PMIP6-Home-IPv4-HoA", "10.1.2.3/16"},
        {"Session-Timeout", "3600"},
        {"Session-Timeout", "0x10"},
        {"Service-Type", "Framed-User"},
        {"ALU-AAA-Lawful-Intercept-Status", "200"},
        {"ALU-AAA-DF-CC-Port", "0xffff"},
        {"Acct-Input-Octets-64", "18446744073709551615"},
        {"3GPP2-GMT-Time-Zone-Offset", "-3600"},
        {"Event-Timestamp", "1798761600"},
        {"Event-Timestamp", "Jan 1 2027"},
        {"Event-Timestamp", "Jan  1 2027 00:00:00 UTC"},
        {"Event-Timestamp", "1 Jan 2027"},
        {"Event-Timestamp", "January 1 2027 12:00"},
        {"Event-Timestamp", "Nov 21 2026 10:00:00 UTC"},
        {"Framed-IPv6-Address", "2001:db8::1"},
        {"Framed-IPv6-Address", "::ffff:1.2.3.4"},
        {"Framed-IPv6-Prefix", "2001:db8::/32"},
        {"Framed-IPv6-Prefix", "2001:db8::1/64"},
        {"Framed-IPv6-Prefix", "::/0"},
        {"Framed-Interface-Id", "0011:2233:4455:6677"},
        {"Framed-Interface-Id", "11:2233:4455:6677"},
        {"Fortinet-WirelessController-Device-MAC", "00:11:22:33:44:ff"},
        {"ALU-AAA-Address-0", "192.0.2.7"},
        {"ALU-AAA-Address-1", "2001:db8::7"},
        {"Tunnel-Type", "L2TP"},
    };

    /** Attribute, RFC 2868 tag or -1, and wire value in hex, for the reply radclient prints. */
    private static final String[][] REPLY = {
        {"Reply-Message", "-1", "610a620d097122735c6501787f79c3a97aff771b"},
        {"Reply-Message", "-1", "6d6964006c65"},
        {"Reply-Message", "-1", "747261696c00"},
        {"Reply-Message", "-1", "e282ac20f09f988020c08020eda080"},
        {"Reply-Message", "-1", "610000"},
        {"Class", "-1", "00ab4344"},
        {"Framed-IP-Address", "-1", "0a000001"},
        {"Service-Type", "-1", "00000002"},
        {"Service-Type", "-1", "00000063"},
        {"Session-Timeout", "-1", "00000e10"},
        {"Event-Timestamp", "-1", "6b016ba0"},
        {"Event-Timestamp", "-1", "6b36ec80"},
        {"Event-Timestamp", "-1", "ffffffff"},
        {"Framed-IPv6-Prefix", "-1", "004020010db800000000"},
        {"Framed-IPv6-Prefix", "-1", "008020010db8000000000000000000000001"},
        {"Framed-IPv6-Prefix", "-1", "0003ffff"},
        {"Framed-Interface-Id", "-1", "0011223344556677"},
        {"Framed-IPv6-Address", "-1", "00000000000000000000ffff01020304"},
        {"Framed-IPv6-Address", "-1", "20010db8000000000001000000000001"},
        {"Framed-IPv6-Address", "-1", "00000000000000000000000000000002"},
        {"Framed-IPv6-Address", "-1", "00000000000000000000000000010002"},
        {"Framed-IPv6-Address", "-1", "20010000000000010000000000010001"},
        {"Framed-IPv6-Address", "-1", "0000000000000000000fffff01020304"},
        {"PMIP6-Home-IPv4-HoA", "-1", "0018c0a80100"},
        {"Tunnel-Type", "1", "000003"},
        {"Tunnel-Private-Group-Id", "2", "74756e"},
        {"ALU-AAA-Lawful-Intercept-Status", "-1", "07"},
        {"ALU-AAA-DF-CC-Port", "-1", "0102"},
        {"ALU-AAA-Address-0", "-1", "01020304"},
        {"ALU-AAA-Address-1", "-1", "20010db8000000000000000000000001"},
        {"3GPP2-GMT-Time-Zone-Offset", "-1", "fffff1f0"},
        {"Fortinet-WirelessController-Device-MAC", "-1", "0011223344ff"},
        {"Acct-Input-Octets-64", "-1", "ffffffffffffffff"},
    };

    private static Dictionary dictionary;

    @BeforeAll
    static void freeRadiusIsInstalled() throws Exception {
        assumeTrue(Files.isExecutable(RADCLIENT) && Files.exists(DICTIONARY), "FreeRADIUS is not installed");
        dictionary = Dictionary.load(DICTIONARY);
    }

    @Test
    void readsAndPrintsValuesAsRadclientDoes() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            Process radclient = startRadclient(socket.getLocalPort());
            try {
                DatagramPacket received = new DatagramPacket(new byte[4096], 4096);
                try {
                    socket.receive(received);
                } catch (SocketTimeoutException noRequest) {
                    radclient.destroy();
                    throw new AssertionError("radclient sent nothing: " + output(radclient));
                }
                RadiusPacket request = new RadiusPacketDecoder(dictionary)
                        .decode(Arrays.copyOf(received.getData(), received.getLength()));
                assertSameOctetsAsRadclient(request);

                byte[] reply = RadiusPacketEncoder.encode(reply(request), SharedSecret.of(SECRET));
                socket.send(new DatagramPacket(reply, reply.length, received.getSocketAddress()));
                assertThat(radclient.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(printedReply(output(radclient))).containsExactlyElementsOf(expectedReply());
            } finally {
                radclient.destroy();
            }
        }
    }

    private static Process startRadclient(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(RADCLIENT.toString(), "-x", "-r", "1", "-t", "10",
                "127.0.0.1:" + port, "auth", SECRET).redirectErrorStream(true);
        builder.environment().put("TZ", "UTC");
        Process radclient = builder.start();
        StringBuilder input = new StringBuilder("User-Name = \"bob\"\n");
        for (String[] line : INPUT) {
            String attribute = line[0].equals("Tunnel-Type") ? line[0] + ":1" : line[0];
            input.append(attribute).append(" = \"").append(line[1]).append("\"\n");
        }
        try (OutputStream stdin = radclient.getOutputStream()) {
            stdin.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        return radclient;
    }

    private static void assertSameOctetsAsRadclient(RadiusPacket request) throws ValueFormatException {
        int next = 0;
        for (String[] line : INPUT) {
            AttributeDefinition definition = definition(line[0]);
            int index = request.indexOf(definition, next);
            assertThat(index).as("radclient sent %s", line[0]).isNotNegative();
            assertThat(HexFormat.of().formatHex(ValueText.parse(definition, line[1])))
                    .as("%s = \"%s\"", line[0], line[1])
                    .isEqualTo(HexFormat.of().formatHex(request.copyValue(index)));
            next = index + 1;
        }
    }

    private static RadiusPacket reply(RadiusPacket request) {
        RadiusPacketBuilder reply = request.replyBuilder(PacketCode.ACCESS_ACCEPT);
        for (String[] line : REPLY) {
            reply.add(RadiusAttribute.of(definition(line[0]), Integer.parseInt(line[1]),
                    HexFormat.of().parseHex(line[2])));
        }
        return reply.build();
    }

    private static List<String> expectedReply() {
        List<String> lines = new ArrayList<>();
        for (String[] line : REPLY) {
            byte[] value = HexFormat.of().parseHex(line[2]);
            String tag = line[1].equals("-1") ? "" : ":" + line[1];
            lines.add(line[0] + tag + " = " + ValueText.format(definition(line[0]), value));
        }
        return lines;
    }

    /** The attribute lines radclient printed after "Received". */
    private static List<String> printedReply(String output) {
        List<String> lines = new ArrayList<>();
        boolean inReply = false;
        for (String line : output.split("\n")) {
            if (line.startsWith("Received ")) {
                inReply = true;
            } else if (inReply && line.startsWith("\t")) {
                lines.add(line.substring(1));
            } else if (inReply) {
                break;
            }
        }
        return lines;
    }

    private static String output(Process radclient) throws IOException {
        return new String(radclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static AttributeDefinition definition(String name) {
        AttributeDefinition definition = dictionary.attribute(name);
        if (definition == null) {
            throw new IllegalArgumentException(name);
        }
        return definition;
    }
}
