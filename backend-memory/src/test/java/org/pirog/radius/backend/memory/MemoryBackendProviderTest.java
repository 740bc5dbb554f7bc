package org.pirog.radius.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.BackendProvider;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.backend.Threading;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;

class MemoryBackendProviderTest {
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final Nas NAS = Nas.of("nas1", NasNetwork.host(InetAddress.getLoopbackAddress()),
            SharedSecret.of("x"));

    @TempDir
    Path directory;

    private static ConfigItem item(String name, String value, int line) {
        return MemoryFixtures.item(name, value, line);
    }

    private static ConfigSection pool(String name, int line, String... ranges) {
        List<ConfigItem> items = new ArrayList<>();
        for (String range : ranges) {
            items.add(item("range", range, ++line));
        }
        return new ConfigSection("pool", name, items, List.of(), MemoryFixtures.SETTINGS_FILE, line - ranges.length);
    }

    private Backend create(List<ConfigItem> items, List<ConfigSection> pools) throws ConfigException {
        ConfigSection settings = new ConfigSection("backend", "memory", items, pools, MemoryFixtures.SETTINGS_FILE, 1);
        return new MemoryBackendProvider().create(new BackendContext(DICTIONARY, directory, settings));
    }

    @Test
    void theServiceLoaderFindsItByName() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(BackendProvider::name)).contains("memory");
    }

    @Test
    void readsUsersFromTheConfigurationDirectoryByDefault() throws Exception {
        Files.writeString(directory.resolve("users"), "bob\tCleartext-Password := \"x\"\n");
        try (Backend backend = create(List.of(), List.of())) {
            assertThat(backend.threading()).isEqualTo(Threading.INLINE);
        }
    }

    @Test
    void aMissingUsersFileIsAnErrorUnlessUsersIsEmpty() throws Exception {
        assertThatThrownBy(() -> create(List.of(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("users: no such file");
        assertThatThrownBy(() -> create(List.of(item("users", "elsewhere/users", 2)), List.of()))
                .hasMessageStartingWith("pirog.conf[2]: users: no such file");
        try (Backend backend = create(List.of(item("users", "", 2)), List.of())) {
            assertThat(backend.openSessions("anyone")).isZero();
        }
    }

    @Test
    void reportsEverySettingsErrorWithItsLine() throws Exception {
        Files.writeString(directory.resolve("users"), "bob\tFoo := 1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> create(
                List.of(item("lease_timeout", "soon", 2), item("detial", "x", 3), item("detail", "%{Nope}", 4)),
                List.of(pool("main", 10, "10.0.0.1-10.0.0.100", "10.0.0.50-10.0.1.1"),
                        pool("other", 20, "10.0.0.200-10.0.0.100"),
                        pool("third", 30, "10.0.0.90-10.0.0.95"),
                        pool("main", 40, "10.9.0.1-10.9.0.2"),
                        new ConfigSection("pool", null, List.of(), List.of(), MemoryFixtures.SETTINGS_FILE, 50))));
        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(
                "pirog.conf[2]: lease_timeout: \"soon\" is no number of seconds (at least 1)",
                "pirog.conf[3]: detial: unknown setting; the memory backend knows users, detail, lease_timeout and"
                        + " pool sections",
                "pirog.conf[4]: detail: in \"%{Nope}\": %{Nope}: unknown attribute Nope",
                "pirog.conf[21]: range: \"10.0.0.200-10.0.0.100\" ends before it starts",
                "pirog.conf[20]: pool other: pool other has no range = first-last",
                "pirog.conf[40]: pool main: pool main is defined twice (also at pirog.conf[10])",
                "pirog.conf[50]: pool: a pool needs a name: pool NAME { range = first-last }",
                "pirog.conf[10]: pool main: range 10.0.0.50-10.0.1.1 of pool main overlaps 10.0.0.1-10.0.0.100 of"
                        + " pool main",
                "pirog.conf[30]: pool third: range 10.0.0.90-10.0.0.95 of pool third overlaps 10.0.0.1-10.0.0.100"
                        + " of pool main",
                "pirog.conf[30]: pool third: range 10.0.0.90-10.0.0.95 of pool third overlaps 10.0.0.50-10.0.1.1"
                        + " of pool main",
                directory.resolve("users") + "[1]: unknown attribute Foo");
    }

    @Test
    void aPoolSkipsTheFixedAddressesOfTheUsersFile() throws Exception {
        Files.writeString(directory.resolve("users"), """
                alice\tCleartext-Password := "a"
                \tFramed-IP-Address = 10.0.0.2
                """);
        try (Backend backend = create(List.of(), List.of(pool("main", 10, "10.0.0.1-10.0.0.3")))) {
            Lease first = backend.allocate(new LeaseRequest("main", "u1", NAS, ""));
            Lease second = backend.allocate(new LeaseRequest("main", "u2", NAS, ""));
            assertThat(List.of(first.address().getHostAddress(), second.address().getHostAddress()))
                    .containsExactlyInAnyOrder("10.0.0.1", "10.0.0.3");
            assertThat(backend.allocate(new LeaseRequest("main", "u3", NAS, ""))).isNull();
        }
    }

    @Test
    void aLeaseTimeoutIsConfigurable() throws Exception {
        Files.writeString(directory.resolve("users"), "");
        try (Backend backend = create(List.of(item("lease_timeout", "1", 2)),
                List.of(pool("main", 10, "10.0.0.1-10.0.0.1")))) {
            assertThat(backend.allocate(new LeaseRequest("main", "u1", NAS, ""))).isNotNull();
            assertThat(backend.allocate(new LeaseRequest("main", "u2", NAS, ""))).isNull();
            Thread.sleep(1_100);
            assertThat(backend.allocate(new LeaseRequest("main", "u2", NAS, ""))).isNotNull();
        }
    }

    @Test
    void withADetailFileTheBackendBlocksAndWritesEveryRecord() throws Exception {
        Files.writeString(directory.resolve("users"), "");
        try (Backend backend = create(List.of(item("detail", "radacct/detail-%Y%m%d", 2)), List.of())) {
            assertThat(backend.threading()).isEqualTo(Threading.INLINE);
            RadiusPacket packet = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 1)
                    .addString("User-Name", "bob").addNumber("Acct-Status-Type", 1)
                    .addString("Acct-Session-Id", "s1").build();
            Instant received = Instant.parse("2026-11-21T10:00:00Z");
            backend.account(AccountingRecord.from(packet, NAS,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 1646), received)).toCompletableFuture().join();
            assertThat(backend.openSessions("bob")).isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(directory.resolve("radacct"))) {
            Path detail = files.findFirst().orElseThrow();
            assertThat(Files.readString(detail)).contains("\tAcct-Session-Id = \"s1\"\n");
        }
    }
}
