package org.pirog.radius.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.nas.ClientsConf;
import org.pirog.radius.core.server.RadiusServer;
import org.pirog.radius.core.server.ServerSettings;
import org.pirog.radius.core.testing.FreeRadiusProcess;

/**
 * One FreeRADIUS configuration directory, two servers: a private FreeRADIUS 3.2 and Pirog read the same
 * {@code clients.conf} and {@code users} file, and FreeRADIUS's own {@code radtest} and {@code radclient} must get
 * the same answers from both, attribute for attribute, for PAP, CHAP, a reject and accounting.
 */
class SameConfigurationAsFreeRadiusTest {
    private static final Path RADTEST = Path.of("/usr/bin/radtest");
    private static final Path RADCLIENT = Path.of("/usr/bin/radclient");

    private static FreeRadiusProcess freeradius;
    private static RadiusServer pirog;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(FreeRadiusProcess.isInstalled() && Files.isExecutable(RADTEST) && Files.isExecutable(RADCLIENT),
                "FreeRADIUS and freeradius-utils are not installed");
        freeradius = FreeRadiusProcess.builder()
                .secret("testing123")
                .usersFileLine("bob\tCleartext-Password := \"hello\"")
                .usersFileLine("\tFramed-IP-Address = 10.10.0.2,")
                .usersFileLine("\tSession-Timeout = 3600,")
                .usersFileLine("\tReply-Message = \"Hello, %{User-Name}\"")
                .usersFileLine("DEFAULT\tAuth-Type := Reject")
                .usersFileLine("\tReply-Message = \"Unknown user\"")
                .start();
        Path dir = freeradius.directory();
        Dictionary dictionary = Dictionary.pirog();
        ConfigSection settings = new ConfigSection("backend", "memory",
                List.of(new ConfigItem("users", dir.resolve("mods-config/files/authorize").toString(), true,
                        "test", 1)), List.of(), "test", 1);
        pirog = RadiusServer.builder()
                .dictionary(dictionary)
                .clients(ClientsConf.read(dir.resolve("clients.conf"), BlastRadiusMode.AUTO, BlastRadiusMode.AUTO))
                .backend(EndToEndTest.memoryProvider().create(new BackendContext(dictionary, dir, settings)))
                .settings(ServerSettings.DEFAULTS.withRejectDelay(Duration.ZERO))
                .listen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))
                .start();
    }

    @AfterAll
    static void stop() {
        if (pirog != null) {
            pirog.close();
        }
        if (freeradius != null) {
            freeradius.close();
        }
    }

    @Test
    void papAnswersAreTheSame() throws Exception {
        List<String> fromFreeRadius = radtest("pap", "bob", "hello", freeradius.authAddress());
        List<String> fromPirog = radtest("pap", "bob", "hello", pirog.authAddresses().get(0));
        assertThat(fromPirog).contains("Received Access-Accept", "Framed-IP-Address = 10.10.0.2",
                "Session-Timeout = 3600", "Reply-Message = \"Hello, bob\"");
        assertThat(fromPirog).isEqualTo(fromFreeRadius);
    }

    @Test
    void chapAnswersAreTheSame() throws Exception {
        List<String> fromPirog = radtest("chap", "bob", "hello", pirog.authAddresses().get(0));
        assertThat(fromPirog).contains("Received Access-Accept");
        assertThat(fromPirog).isEqualTo(radtest("chap", "bob", "hello", freeradius.authAddress()));
    }

    @Test
    void rejectsAreTheSame() throws Exception {
        List<String> fromPirog = radtest("pap", "mallory", "guess", pirog.authAddresses().get(0));
        assertThat(fromPirog).contains("Received Access-Reject", "Reply-Message = \"Unknown user\"");
        assertThat(fromPirog).isEqualTo(radtest("pap", "mallory", "guess", freeradius.authAddress()));
        // The test's FreeRADIUS site has no attr_filter.access_reject, which the stock default site runs on every
        // reject (only Reply-Message, MS-CHAP-Error, EAP-Message and Proxy-State pass): Pirog behaves as the stock one.
        List<String> wrongFromFreeRadius = radtest("pap", "bob", "wrong", freeradius.authAddress()).stream()
                .filter(line -> line.startsWith("Received ") || line.startsWith("Reply-Message ")
                        || line.startsWith("MS-CHAP-Error ") || line.startsWith("Proxy-State "))
                .toList();
        assertThat(radtest("pap", "bob", "wrong", pirog.authAddresses().get(0))).isEqualTo(wrongFromFreeRadius);
    }

    @Test
    void accountingIsAcknowledgedByBoth() throws Exception {
        String record = "User-Name = bob\nAcct-Status-Type = Start\nAcct-Session-Id = cmp1\nNAS-Port = 1\n";
        List<String> fromPirog = radclient(record, pirog.acctAddresses().get(0));
        assertThat(fromPirog).contains("Received Accounting-Response");
        assertThat(fromPirog).isEqualTo(radclient(record, freeradius.acctAddress()));
    }

    /** radtest's report of the reply: its first line and attributes, without ids, ports and lengths. */
    private static List<String> radtest(String method, String user, String password, InetSocketAddress server)
            throws Exception {
        return reply(run(List.of(RADTEST.toString(), "-t", method, user, password, hostPort(server), "0",
                "testing123"), null));
    }

    private static List<String> radclient(String attributes, InetSocketAddress server) throws Exception {
        return reply(run(List.of(RADCLIENT.toString(), "-x", hostPort(server), "acct", "testing123"), attributes));
    }

    private static List<String> reply(String output) {
        List<String> lines = new ArrayList<>();
        boolean inReply = false;
        for (String line : output.split("\n")) {
            if (line.startsWith("Received ")) {
                inReply = true;
                lines.add(line.substring(0, line.indexOf(" Id ")));
            } else if (inReply && line.startsWith("\t")) {
                // Message-Authenticator differs by construction: an HMAC over different authenticators.
                if (!line.contains("Message-Authenticator")) {
                    lines.add(line.trim());
                }
            } else {
                inReply = false;
            }
        }
        return lines;
    }

    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        return output;
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
