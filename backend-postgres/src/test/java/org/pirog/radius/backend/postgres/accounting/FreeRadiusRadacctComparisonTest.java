package org.pirog.radius.backend.postgres.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pirog.radius.core.nas.Nas;

/**
 * The same Accounting-Requests through FreeRADIUS 3.2's own rlm_sql (its default PostgreSQL queries, into one
 * schema) and through {@link RadacctWriter} (into another): radacct must come out the same, column by column.
 * Every request carries Event-Timestamp, so that arrival times do not matter. Class is left out: FreeRADIUS's
 * default queries.conf does not write the class column.
 */
class FreeRadiusRadacctComparisonTest {
    private static final Path BINARY = Path.of("/usr/sbin/freeradius");
    private static final Path STOCK = Path.of("/etc/freeradius/3.0");
    private static final Path RADCLIENT = Path.of("/usr/bin/radclient");
    private static final String SECRET = "testing123";
    private static final long T = 1795255200L;

    /** Status and attributes of each request, in the order sent; each waits for its response. */
    private static final List<String[]> REQUESTS = List.of(
            new String[] {"Acct-Status-Type", "Start", "User-Name", "bob", "Acct-Session-Id", "s1",
                    "Event-Timestamp", Long.toString(T), "NAS-Port-Type", "Virtual", "NAS-Port-Id", "eth0.101",
                    "Acct-Authentic", "RADIUS", "Connect-Info", "100BASE-TX", "Called-Station-Id", "00-11-22:ssid",
                    "Calling-Station-Id", "66-77-88", "Service-Type", "Framed-User", "Framed-Protocol", "PPP",
                    "Framed-IP-Address", "10.0.0.7", "Framed-IPv6-Prefix", "2001:db8:1::/64",
                    "Framed-Interface-Id", "0011:2233:4455:6677", "Delegated-IPv6-Prefix", "2001:db8:ff00::/56"},
            new String[] {"Acct-Status-Type", "Interim-Update", "User-Name", "bob", "Acct-Session-Id", "s1",
                    "Event-Timestamp", Long.toString(T + 300), "NAS-Port-Type", "Virtual", "NAS-Port-Id", "eth0.101",
                    "Acct-Session-Time", "300", "Acct-Input-Octets", "5", "Acct-Input-Gigawords", "2",
                    "Acct-Output-Octets", "4294967295", "Framed-IP-Address", "10.0.0.7",
                    "Framed-IPv6-Address", "2001:db8:1::7"},
            new String[] {"Acct-Status-Type", "Stop", "User-Name", "bob", "Acct-Session-Id", "s1",
                    "Event-Timestamp", Long.toString(T + 900), "NAS-Port-Type", "Virtual", "NAS-Port-Id", "eth0.101",
                    "Acct-Session-Time", "895", "Acct-Input-Octets", "9", "Acct-Input-Gigawords", "3",
                    "Acct-Output-Octets", "1", "Acct-Terminate-Cause", "User-Request", "Connect-Info", "stop-info"},
            new String[] {"Acct-Status-Type", "Interim-Update", "User-Name", "ann", "Acct-Session-Id", "s2",
                    "Event-Timestamp", Long.toString(T + 60), "NAS-Port", "7", "Acct-Session-Time", "600",
                    "Acct-Output-Octets", "77", "Service-Type", "Login-User"},
            new String[] {"Acct-Status-Type", "Stop", "User-Name", "cid", "Acct-Session-Id", "s3",
                    "Event-Timestamp", Long.toString(T + 120), "Acct-Session-Time", "100",
                    "Acct-Terminate-Cause", "Idle-Timeout", "Connect-Info", "ci", "NAS-Port-Type", "Ethernet"},
            new String[] {"Acct-Status-Type", "Start", "User-Name", "dan", "Acct-Session-Id", "s4",
                    "Event-Timestamp", Long.toString(T + 10)},
            new String[] {"Acct-Status-Type", "Stop", "User-Name", "eve", "Acct-Session-Id", "s5",
                    "Event-Timestamp", Long.toString(T + 130)},
            new String[] {"Acct-Status-Type", "Accounting-On", "Event-Timestamp", Long.toString(T + 200)},
            // Retransmissions and a Start that comes after its Stop.
            new String[] {"Acct-Status-Type", "Stop", "User-Name", "bob", "Acct-Session-Id", "s1",
                    "Event-Timestamp", Long.toString(T + 900), "NAS-Port-Type", "Virtual", "NAS-Port-Id", "eth0.101",
                    "Acct-Session-Time", "895", "Acct-Input-Octets", "9", "Acct-Input-Gigawords", "3",
                    "Acct-Output-Octets", "1", "Acct-Terminate-Cause", "User-Request", "Connect-Info", "stop-info"},
            new String[] {"Acct-Status-Type", "Start", "User-Name", "cid", "Acct-Session-Id", "s3",
                    "Event-Timestamp", Long.toString(T + 20), "Connect-Info", "late-start",
                    "NAS-Port-Type", "Ethernet"},
            // A session that stays open with every address column set (a Stop clears those it does not carry).
            new String[] {"Acct-Status-Type", "Start", "User-Name", "fay", "Acct-Session-Id", "s6",
                    "Event-Timestamp", Long.toString(T + 250), "NAS-Port-Type", "Wireless-802.11",
                    "Acct-Authentic", "Local", "Framed-IP-Address", "10.0.0.8"},
            new String[] {"Acct-Status-Type", "Interim-Update", "User-Name", "fay", "Acct-Session-Id", "s6",
                    "Event-Timestamp", Long.toString(T + 310), "NAS-Port-Type", "Wireless-802.11",
                    "Acct-Session-Time", "60", "Acct-Output-Octets", "6", "Acct-Output-Gigawords", "1",
                    "Framed-IP-Address", "10.0.0.8", "Framed-IPv6-Address", "2001:db8:2::8",
                    "Framed-IPv6-Prefix", "2001:db8:2::/64", "Framed-Interface-Id", "0011:2233:4455:6677",
                    "Delegated-IPv6-Prefix", "2001:db8:fe00::/56"});

    @Test
    void radacctRowsEqualFreeRadiusRowsColumnByColumn() throws Exception {
        assumeTrue(Files.isExecutable(BINARY) && Files.isReadable(STOCK.resolve("radiusd.conf"))
                && Files.isExecutable(RADCLIENT), "FreeRADIUS 3.2 and radclient are installed and readable");
        try (RadacctDatabase pirog = new RadacctDatabase("cmp_pirog");
                RadacctDatabase freeradius = new RadacctDatabase("cmp_freeradius")) {
            Nas nas = RadacctDatabase.nas("127.0.0.1");
            try (RadacctWriter writer = new RadacctWriter(pirog.dsl, Duration.ofHours(1), 2, 100, 100,
                    Duration.ofSeconds(30))) {
                for (String[] request : REQUESTS) {
                    writer.submit(RadacctDatabase.record(nas, Instant.now(), request)).toCompletableFuture()
                            .get(30, TimeUnit.SECONDS);
                }
            }
            try (PrivateFreeRadius server = new PrivateFreeRadius(freeradius.schema)) {
                for (String[] request : REQUESTS) {
                    server.account(request);
                }
            }
            List<String> expected = rows(freeradius);
            List<String> actual = rows(pirog);
            assertThat(expected).hasSize(6);
            // The comparison covers the address columns: FreeRADIUS did write them.
            assertThat(String.join("\n", expected)).contains("\"2001:db8:2::/64\"", "\"11:2233:4455:6677\"",
                    "\"2001:db8:fe00::/56\"", "\"2001:db8:2::8\"", "\"Wireless-802.11\"", "4294967302");
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as("row %d", i).isEqualTo(expected.get(i));
            }
        }
    }

    /** Every column but the serial id, as JSON text, by acctuniqueid. */
    private static List<String> rows(RadacctDatabase db) {
        return db.dsl.fetch("select (to_jsonb(r) - 'radacctid')::text from radacct r order by acctuniqueid")
                .getValues(0, String.class);
    }

    /** FreeRADIUS with rlm_sql's default PostgreSQL queries into one schema, for accounting only. */
    private static final class PrivateFreeRadius implements AutoCloseable {
        private final Path directory = Files.createTempDirectory("pirog-freeradius-sql");
        private final int port;
        private final Process process;
        private final StringBuffer output = new StringBuffer();

        PrivateFreeRadius(String schema) throws Exception {
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
                port = socket.getLocalPort();
            }
            copy(STOCK, directory);
            Files.createDirectories(directory.resolve("log"));
            Files.createDirectories(directory.resolve("run"));
            try (Stream<Path> sites = Files.list(directory.resolve("sites-enabled"))) {
                for (Path site : sites.toList()) {
                    Files.delete(site);
                }
            }
            Files.deleteIfExists(directory.resolve("mods-enabled/eap"));
            Path radiusd = directory.resolve("radiusd.conf");
            Files.writeString(radiusd, Files.readString(radiusd)
                    .replaceFirst("(?m)^raddbdir = .*$", "raddbdir = " + directory)
                    .replaceFirst("(?m)^logdir = .*$", "logdir = " + directory.resolve("log"))
                    .replaceFirst("(?m)^run_dir = .*$", "run_dir = " + directory.resolve("run"))
                    .replaceFirst("(?m)^(\\s*)user = ", "$1#user = ")
                    .replaceFirst("(?m)^(\\s*)group = ", "$1#group = "));
            Files.writeString(directory.resolve("clients.conf"),
                    "client test {\n\tipaddr = 127.0.0.1\n\tsecret = \"" + SECRET + "\"\n}\n");
            String sql = Files.readString(STOCK.resolve("mods-available/sql"))
                    .replaceFirst("(?m)^(\\s*)dialect = .*$", "$1dialect = \"postgresql\"")
                    .replaceFirst("(?m)^(\\s*)driver = \"rlm_sql_null\"", "$1driver = \"rlm_sql_postgresql\"")
                    .replaceFirst("(?m)^(\\s*)radius_db = \"radius\"", "$1radius_db = \"host=127.0.0.1 port=5432"
                            + " dbname=test user=postgres options='-csearch_path=" + schema + "'\"");
            Files.writeString(directory.resolve("mods-enabled/sql"), sql);
            Files.writeString(directory.resolve("sites-enabled/pirog"), """
                    server pirog {
                    	listen {
                    		type = acct
                    		ipaddr = 127.0.0.1
                    		port = %d
                    	}
                    	preacct {
                    		acct_unique
                    	}
                    	accounting {
                    		sql
                    	}
                    }
                    """.formatted(port));
            process = new ProcessBuilder(BINARY.toString(), "-f", "-l", "stdout", "-d", directory.toString())
                    .redirectErrorStream(true).start();
            CountDownLatch ready = new CountDownLatch(1);
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        output.append(line).append('\n');
                        if (line.contains("Ready to process requests")) {
                            ready.countDown();
                        }
                    }
                } catch (IOException ended) {
                    // the process ended
                }
                ready.countDown();
            });
            if (!ready.await(30, TimeUnit.SECONDS) || !process.isAlive()) {
                close();
                throw new IllegalStateException("FreeRADIUS did not start:\n" + output);
            }
        }

        /** Sends one Accounting-Request with radclient and waits for the Accounting-Response. */
        void account(String[] attributes) throws Exception {
            StringBuilder input = new StringBuilder("NAS-IP-Address = 127.0.0.1");
            for (int i = 0; i < attributes.length; i += 2) {
                input.append(", ").append(attributes[i]).append(" = \"").append(attributes[i + 1]).append('"');
            }
            Process client = new ProcessBuilder(RADCLIENT.toString(), "-r", "1", "-t", "10",
                    "127.0.0.1:" + port, "acct", SECRET).redirectErrorStream(true).start();
            client.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().close();
            String said = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.waitFor()).as("radclient: %s\nFreeRADIUS: %s", said, output).isZero();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            try (Stream<Path> tree = Files.walk(directory)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }

        private static void copy(Path from, Path to) throws IOException {
            try (Stream<Path> tree = Files.walk(from)) {
                for (Path source : tree.toList()) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isSymbolicLink(source)) {
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                    } else if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
