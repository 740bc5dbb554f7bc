package org.pirog.radius.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.mschap.MppeKeys;
import org.pirog.radius.codec.mschap.MsChapV1;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendProvider;
import org.pirog.radius.core.client.RadiusClient;
import org.pirog.radius.core.config.ConfigParser;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.nas.ClientsConf;
import org.pirog.radius.core.server.RadiusServer;
import org.pirog.radius.core.server.ServerSettings;

/**
 * The server with the memory backend over real UDP on 127.0.0.1, driven by Pirog's own client the way pppd's
 * radius plugin drives FreeRADIUS: every authentication method, every users-file feature, accounting and pools.
 */
class EndToEndTest {
    private static final SharedSecret SECRET = SharedSecret.of("testing123");
    private static final Dictionary DICTIONARY = Dictionary.pirog();

    @TempDir
    static Path dir;

    private static RadiusServer server;
    private static RadiusClient auth;
    private static RadiusClient acct;
    private static final PppdRequests nas = new PppdRequests(DICTIONARY, SECRET);

    @BeforeAll
    static void start() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        int away = (now.getHour() + 12) % 24;
        Files.writeString(dir.resolve("clients.conf"), """
                client localhost {
                    ipaddr = 127.0.0.1
                    secret = testing123
                }
                """);
        Files.writeString(dir.resolve("pirog.conf"), """
                backend memory {
                    users = ${confdir}/users
                    pool main {
                        range = 10.20.0.1-10.20.0.2
                    }
                }
                """);
        Files.writeString(dir.resolve("users"), """
                # Defaults that add to every PPP login, then go on to the next entry.
                DEFAULT	Framed-Protocol == PPP
                	Framed-MTU = 1400,
                	Fall-Through = Yes

                bob	Cleartext-Password := "hello"
                	Framed-IP-Address = 10.10.0.2,
                	Session-Timeout = 3600,
                	Reply-Message = "Hello, %%{User-Name}"

                nthash	NT-Password := "0x%s"
                	Service-Type = Framed-User

                alice	Cleartext-Password := "wonderland", Simultaneous-Use := 1, Pool-Name := "main"

                carol	Cleartext-Password := "c", Pool-Name := "main"

                dave	Cleartext-Password := "d", Pool-Name := "main"

                expired	Cleartext-Password := "x", Expiration := "Jan  1 2020"

                nightowl	Cleartext-Password := "x", Login-Time := "Al%02d00-%02d59"

                anytime	Cleartext-Password := "x", Login-Time := "Any"

                hashed	Crypt-Password := "%s"

                blocked	Auth-Type := Reject
                	Reply-Message = "Your account is blocked"

                guest	Auth-Type := Accept
                	Reply-Message = "Welcome, guest"

                office	Cleartext-Password := "o", NAS-IP-Address == 127.0.0.1
                	Reply-Message = "office NAS"

                office	Cleartext-Password := "o"
                	Reply-Message = "elsewhere"
                """.formatted(hex(NtPasswordHash.of("s3cret")), away, away,
                org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2b", "b1owf1sh".toCharArray(),
                        PppdRequests.random(16), 6)));
        ConfigSection settings = ConfigParser.parse(dir.resolve("pirog.conf"), dir).sections("backend").get(0);
        Backend backend = memoryProvider().create(new BackendContext(DICTIONARY, dir, settings));
        server = RadiusServer.builder()
                .dictionary(DICTIONARY)
                .clients(ClientsConf.read(dir.resolve("clients.conf"), BlastRadiusMode.AUTO, BlastRadiusMode.AUTO))
                .backend(backend)
                .settings(ServerSettings.DEFAULTS.withRejectDelay(Duration.ZERO))
                .listen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))
                .start();
        auth = client(server.authAddresses().get(0));
        acct = client(server.acctAddresses().get(0));
    }

    @AfterAll
    static void stop() {
        auth.close();
        acct.close();
        server.close();
    }

    @Test
    void papWithFixedAddressDefaultsAndExpansion() throws Exception {
        RadiusPacket reply = send(nas.pap("bob", "hello"));
        assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(text(reply, "Reply-Message")).isEqualTo("Hello, bob");
        assertThat(address(reply)).isEqualTo("10.10.0.2");
        assertThat(number(reply, "Session-Timeout")).isEqualTo(3600);
        assertThat(number(reply, "Framed-MTU")).isEqualTo(1400);
        assertThat(send(nas.pap("bob", "wrong")).code()).isEqualTo(PacketCode.ACCESS_REJECT);
        assertThat(send(nas.pap("nobody", "hello")).code()).isEqualTo(PacketCode.ACCESS_REJECT);
    }

    @Test
    void bcryptRunsOffTheEventLoopAndStillAnswers() throws Exception {
        assertThat(send(nas.pap("hashed", "b1owf1sh")).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(send(nas.pap("hashed", "blowfish")).code()).isEqualTo(PacketCode.ACCESS_REJECT);
    }

    @Test
    void chap() throws Exception {
        assertThat(send(nas.chap("bob", "hello")).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(send(nas.chap("bob", "hellO")).code()).isEqualTo(PacketCode.ACCESS_REJECT);
    }

    @Test
    void msChapV2WithMppeKeysAsRfc3079DerivesThem() throws Exception {
        byte[] authenticatorChallenge = PppdRequests.random(16);
        byte[] peerChallenge = PppdRequests.random(16);
        RadiusPacket request = nas.msChapV2("bob", "hello", authenticatorChallenge, peerChallenge).build();
        RadiusPacket reply = auth.send(request).get(5, TimeUnit.SECONDS);
        assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);

        byte[] ntHash = NtPasswordHash.of("hello");
        byte[] ntResponse = MsChapV2.generateNtResponse(authenticatorChallenge, peerChallenge, "bob", NtPasswordHash.of("hello"));
        byte[] success = value(reply, "MS-CHAP2-Success");
        assertThat(success[0]).isEqualTo((byte) 1);
        assertThat(new String(success, 1, success.length - 1, StandardCharsets.US_ASCII)).isEqualTo(
                MsChapV2.authenticatorResponse(ntHash, ntResponse, peerChallenge, authenticatorChallenge, "bob"));
        assertThat(mppeKey(reply, request, "MS-MPPE-Send-Key")).isEqualTo(MppeKeys.serverSendKey(ntHash, ntResponse));
        assertThat(mppeKey(reply, request, "MS-MPPE-Recv-Key")).isEqualTo(MppeKeys.serverRecvKey(ntHash, ntResponse));
        assertThat(number(reply, "MS-MPPE-Encryption-Policy")).isEqualTo(1);
        assertThat(reply.indexOf(DICTIONARY.attribute("MS-MPPE-Encryption-Types"))).isGreaterThanOrEqualTo(0);

        RadiusPacket failed = send(nas.msChapV2("bob", "wrong", authenticatorChallenge, peerChallenge));
        assertThat(failed.code()).isEqualTo(PacketCode.ACCESS_REJECT);
        assertThat(new String(value(failed, "MS-CHAP-Error"), StandardCharsets.US_ASCII)).contains("E=691");
    }

    @Test
    void msChapV2AgainstAStoredNtHash() throws Exception {
        byte[] challenge = PppdRequests.random(16);
        assertThat(send(nas.msChapV2("nthash", "s3cret", challenge, PppdRequests.random(16))).code())
                .isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(send(nas.pap("nthash", "s3cret")).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
    }

    @Test
    void msChapV1WithMppeKeys() throws Exception {
        byte[] challenge = PppdRequests.random(8);
        RadiusPacket request = nas.msChapV1("bob", "hello", challenge).build();
        RadiusPacket reply = auth.send(request).get(5, TimeUnit.SECONDS);
        assertThat(reply.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        int keys = reply.indexOf(DICTIONARY.attribute("MS-CHAP-MPPE-Keys"));
        assertThat(keys).isGreaterThanOrEqualTo(0);
        byte[] plain = new byte[64];
        int length = reply.unhide(keys, SECRET, request.authenticator(), plain, 0);
        assertThat(length).isGreaterThanOrEqualTo(24);
        byte[] expected = MsChapV1.mppeKeys(null, NtPasswordHash.of("hello"));
        assertThat(java.util.Arrays.copyOfRange(plain, 8, 24)).isEqualTo(java.util.Arrays.copyOfRange(expected, 8, 24));
        assertThat(send(nas.msChapV1("bob", "nope", challenge)).code()).isEqualTo(PacketCode.ACCESS_REJECT);
    }

    @Test
    void authTypeAcceptAndRejectWithReplyMessage() throws Exception {
        RadiusPacket guest = send(nas.pap("guest", "anything"));
        assertThat(guest.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(text(guest, "Reply-Message")).isEqualTo("Welcome, guest");
        RadiusPacket blocked = send(nas.pap("blocked", "anything"));
        assertThat(blocked.code()).isEqualTo(PacketCode.ACCESS_REJECT);
        assertThat(text(blocked, "Reply-Message")).isEqualTo("Your account is blocked");
    }

    @Test
    void checkItemsOnRequestAttributesPickTheEntry() throws Exception {
        assertThat(text(send(nas.pap("office", "o")), "Reply-Message")).isEqualTo("office NAS");
    }

    @Test
    void expirationAndLoginTime() throws Exception {
        assertThat(send(nas.pap("expired", "x")).code()).isEqualTo(PacketCode.ACCESS_REJECT);
        assertThat(send(nas.pap("nightowl", "x")).code()).isEqualTo(PacketCode.ACCESS_REJECT);
        assertThat(send(nas.pap("anytime", "x")).code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
    }

    @Test
    void poolsSimultaneousUseAndAccounting() throws Exception {
        RadiusPacket alice = send(nas.pap("alice", "wonderland"));
        RadiusPacket carol = send(nas.pap("carol", "c"));
        assertThat(alice.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(address(alice)).startsWith("10.20.0.");
        assertThat(address(carol)).startsWith("10.20.0.").isNotEqualTo(address(alice));
        assertThat(send(acct, nas.accounting(1, "alice", "a1")
                .addAddress("Framed-IP-Address", InetAddress.getByName(address(alice)))).code())
                .isEqualTo(PacketCode.ACCOUNTING_RESPONSE);
        assertThat(send(acct, nas.accounting(1, "carol", "c1")
                .addAddress("Framed-IP-Address", InetAddress.getByName(address(carol)))).code())
                .isEqualTo(PacketCode.ACCOUNTING_RESPONSE);

        // The pool is exhausted: Accept without an address, as sqlippool does.
        RadiusPacket dave = send(nas.pap("dave", "d"));
        assertThat(dave.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(dave.indexOf(DICTIONARY.attribute("Framed-IP-Address"))).isNegative();

        RadiusPacket again = send(nas.pap("alice", "wonderland"));
        assertThat(again.code()).isEqualTo(PacketCode.ACCESS_REJECT);
        assertThat(text(again, "Reply-Message")).contains("You are already logged in - access denied");

        send(acct, nas.accounting(3, "alice", "a1").addNumber("Acct-Input-Octets", 1000));
        send(acct, nas.accounting(2, "alice", "a1").addNumber("Acct-Session-Time", 60));
        RadiusPacket back = send(nas.pap("alice", "wonderland"));
        assertThat(back.code()).isEqualTo(PacketCode.ACCESS_ACCEPT);
        assertThat(address(back)).isEqualTo(address(alice));

        // Accounting-On from the NAS: every session and lease of it ends.
        send(acct, nas.accountingOn());
        assertThat(address(send(nas.pap("dave", "d")))).startsWith("10.20.0.");
    }

    private static RadiusPacket send(RadiusPacketBuilder request) throws Exception {
        return send(auth, request);
    }

    private static RadiusPacket send(RadiusClient via, RadiusPacketBuilder request) throws Exception {
        return via.send(request.build()).get(5, TimeUnit.SECONDS);
    }

    private static byte[] mppeKey(RadiusPacket reply, RadiusPacket request, String name) {
        int i = reply.indexOf(DICTIONARY.attribute(name));
        assertThat(i).as(name).isGreaterThanOrEqualTo(0);
        byte[] plain = new byte[64];
        int length = reply.unhide(i, SECRET, request.authenticator(), plain, 0);
        assertThat(length).isGreaterThanOrEqualTo(16);
        return java.util.Arrays.copyOf(plain, 16);
    }

    private static byte[] value(RadiusPacket packet, String name) {
        int i = packet.indexOf(DICTIONARY.attribute(name));
        assertThat(i).as(name).isGreaterThanOrEqualTo(0);
        return packet.copyValue(i);
    }

    private static String text(RadiusPacket packet, String name) {
        return new String(value(packet, name), StandardCharsets.UTF_8);
    }

    private static long number(RadiusPacket packet, String name) {
        int i = packet.indexOf(DICTIONARY.attribute(name));
        assertThat(i).as(name).isGreaterThanOrEqualTo(0);
        return packet.longValue(i);
    }

    private static String address(RadiusPacket packet) throws Exception {
        return InetAddress.getByAddress(value(packet, "Framed-IP-Address")).getHostAddress();
    }

    private static RadiusClient client(InetSocketAddress server) {
        return RadiusClient.builder().server(server).secret(SECRET).dictionary(DICTIONARY)
                .timeout(Duration.ofMillis(500)).retries(2).build();
    }

    static BackendProvider memoryProvider() {
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            if (provider.name().equals("memory")) {
                return provider;
            }
        }
        throw new AssertionError("no memory backend registered with ServiceLoader");
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }
}
