package org.pirog.radius.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.BackendContext;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.config.ConfigSection;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.LoginChecks;
import org.pirog.radius.core.policy.LoginDecision;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * The users-file features at the backend level, with the login checks the server runs after authorize. The
 * expected answers are those FreeRADIUS 3.2.1 gave for the same entries unless a comment says otherwise.
 */
class UsersFileBackendTest {
    private static final Dictionary DICTIONARY = Dictionary.pirog();
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** A Saturday, 10:32:13. */
    private static final Instant NOW = Instant.parse("2026-11-21T10:32:13Z");
    private static final Clock CLOCK = Clock.fixed(NOW, UTC);
    private static final Nas NAS = Nas.of("nas1", NasNetwork.host(address("192.0.2.1")), SharedSecret.of("s"));

    @TempDir
    Path directory;

    private MemoryBackend backend(String users) throws Exception {
        MemoryFixtures.write(directory, "users", users);
        ConfigSection settings = new ConfigSection("backend", "memory", List.of(),
                List.of(new ConfigSection("pool", "main",
                        List.of(MemoryFixtures.item("range", "10.0.0.1-10.0.0.10", 3)), List.of(), "pirog.conf", 2)),
                "pirog.conf", 1);
        return new MemoryBackendProvider(CLOCK).create(new BackendContext(DICTIONARY, directory, settings));
    }

    @Test
    void entriesForTheUserAndDefaultsMatchInFileOrderUntilOneDoesNotFallThrough() throws Exception {
        MemoryBackend backend = backend("""
                DEFAULT\tPool-Name := "main"
                \tReply-Message = "first default", Fall-Through = Yes
                bob\tCleartext-Password := "x"
                \tReply-Message += "bob", Fall-Through = Yes
                DEFAULT\tNAS-Port == 99
                \tReply-Message += "not matched"
                bob\tCleartext-Password := "y"
                \tReply-Message += "bob again"
                DEFAULT
                \tReply-Message += "never reached"
                """);
        Authorization bob = backend.authorize(request("bob", "NAS-Port=1"));
        assertThat(bob).isNotNull();
        assertThat(text(bob.reply(), "Reply-Message")).containsExactly("first default", "bob", "bob again");
        // The second bob entry's := replaced the password.
        assertThat(text(bob.control(), "Cleartext-Password")).containsExactly("y");
        assertThat(text(bob.control(), "Pool-Name")).containsExactly("main");
        assertThat(text(bob.reply(), "Fall-Through")).isEmpty();

        Authorization other = backend.authorize(request("zed", "NAS-Port=99"));
        assertThat(other).isNotNull();
        assertThat(other.userName()).isEqualTo("zed");
        assertThat(text(other.reply(), "Reply-Message")).containsExactly("first default", "not matched");
    }

    @Test
    void userNamesAreExact() throws Exception {
        MemoryBackend backend = backend("Bob\tCleartext-Password := \"x\"\nDEFAULT2\tCleartext-Password := \"d\"\n");
        assertThat(backend.authorize(request("Bob"))).isNotNull();
        assertThat(backend.authorize(request("bob"))).isNull();
        assertThat(backend.authorize(request("BOB"))).isNull();
        // Only DEFAULT itself applies to everyone.
        assertThat(backend.authorize(request("anyone"))).isNull();
        assertThat(backend.authorize(request("DEFAULT2"))).isNotNull();
    }

    @Test
    void noMatchingEntryIsUserNotFound() throws Exception {
        MemoryBackend backend = backend("bob\tCleartext-Password := \"x\", NAS-Port == 5\n");
        assertThat(backend.authorize(request("bob", "NAS-Port=6"))).isNull();
        assertThat(backend.authorize(request("bob", "NAS-Port=5"))).isNotNull();
    }

    @Test
    void everyOperatorOnRequestAttributes() throws Exception {
        MemoryBackend backend = backend("""
                eq\tNAS-Port == 5
                ne\tCalling-Station-Id != "abc"
                gt\tNAS-Port > 10
                ge\tNAS-Port >= 10
                lt\tNAS-Port < 10
                le\tNAS-Port <= 10
                rx\tCalled-Station-Id =~ "^ab+c$"
                nrx\tCalled-Station-Id !~ "^ab+c$"
                pr\tClass =* ANY
                npr\tClass !* ANY
                set\tNAS-Port = 5
                ip\tNAS-IP-Address > 10.0.0.1
                """);
        assertMatches(backend, "eq", "NAS-Port=5", "NAS-Port=6");
        assertMatches(backend, "ne", "Calling-Station-Id=zzz", "Calling-Station-Id=abc");
        assertThat(backend.authorize(request("ne"))).as("!= with the attribute absent").isNull();
        assertMatches(backend, "gt", "NAS-Port=11", "NAS-Port=10");
        assertMatches(backend, "ge", "NAS-Port=10", "NAS-Port=9");
        assertMatches(backend, "lt", "NAS-Port=9", "NAS-Port=10");
        assertMatches(backend, "le", "NAS-Port=10", "NAS-Port=11");
        assertMatches(backend, "rx", "Called-Station-Id=abbbc", "Called-Station-Id=xabc");
        assertMatches(backend, "nrx", "Called-Station-Id=xabc", "Called-Station-Id=abbbc");
        assertMatches(backend, "pr", "Class=a", "NAS-Port=1");
        assertMatches(backend, "npr", "NAS-Port=1", "Class=a");
        assertMatches(backend, "set", "NAS-Port=5", "NAS-Port=6");
        assertMatches(backend, "ip", "NAS-IP-Address=10.0.0.2", "NAS-IP-Address=9.1.1.1");
        // rlm_files read "NAS-Port = 5" as "==": nothing goes to the control list.
        assertThat(backend.authorize(request("set", "NAS-Port=5")).control()).isEmpty();
    }

    @Test
    void assignmentOperatorsMergeAsFreeRadiusDoes() throws Exception {
        MemoryBackend backend = backend("""
                DEFAULT\tAuth-Type := Local
                \tSession-Timeout = 10, Reply-Message = "a", Reply-Message = "b", Fall-Through = Yes
                bob\tAuth-Type := Accept, Simultaneous-Use += 2
                \tSession-Timeout = 20, Reply-Message := "c", Class += "x", Class += "y"
                """);
        Authorization bob = backend.authorize(request("bob"));
        assertThat(text(bob.control(), "Auth-Type")).containsExactly("Accept");
        assertThat(text(bob.control(), "Simultaneous-Use")).containsExactly("2");
        assertThat(text(bob.reply(), "Session-Timeout")).containsExactly("10");
        assertThat(text(bob.reply(), "Reply-Message")).containsExactly("c", "b");
        assertThat(text(bob.reply(), "Class")).containsExactly("x", "y");
    }

    @Test
    void authTypeAcceptAndRejectAreControlItems() throws Exception {
        MemoryBackend backend = backend("""
                guest\tAuth-Type := Accept
                \tReply-Message = "welcome"
                banned\tAuth-Type := Reject
                \tReply-Message = "go away"
                either\tAuth-Type == Reject
                """);
        assertThat(text(backend.authorize(request("guest")).control(), "Auth-Type")).containsExactly("Accept");
        assertThat(text(backend.authorize(request("banned")).control(), "Auth-Type")).containsExactly("Reject");
        assertThat(text(backend.authorize(request("banned")).reply(), "Reply-Message")).containsExactly("go away");
        // 'Auth-Type == Reject' is never compared and never assigned: the entry matches, nothing is rejected.
        assertThat(backend.authorize(request("either")).control()).isEmpty();
    }

    @Test
    void expansionsUseTheRequestAndTheListsSoFar() throws Exception {
        MemoryBackend backend = backend("""
                DEFAULT\tPool-Name := "pool-%{NAS-Port}"
                \tSession-Timeout = 10, Fall-Through = Yes
                bob\tCleartext-Password := "x"
                \tReply-Message = "Hello, %{User-Name}", Class = "%{%{Calling-Station-Id}:-unknown}",
                \tFilter-Id = "%{control:Pool-Name}/%{reply:Session-Timeout}/100%%", Idle-Timeout = "%{NAS-Port}"
                """);
        Authorization bob = backend.authorize(request("bob", "NAS-Port=7"));
        assertThat(text(bob.reply(), "Reply-Message")).containsExactly("Hello, bob");
        assertThat(text(bob.reply(), "Class")).containsExactly("unknown");
        assertThat(text(bob.reply(), "Filter-Id")).containsExactly("pool-7/10/100%");
        assertThat(text(bob.reply(), "Idle-Timeout")).containsExactly("7");
        assertThat(text(bob.control(), "Pool-Name")).containsExactly("pool-7");
        // The SPI hands out plain text: the literal percent sign is no longer doubled.
        assertThat(bob.reply()).extracting(PolicyItem::value).contains("pool-7/10/100%");
    }

    @Test
    void poolNameLeadsToALease() throws Exception {
        MemoryBackend backend = backend("bob\tCleartext-Password := \"x\", Pool-Name := \"main\"\n");
        Authorization bob = backend.authorize(request("bob"));
        String pool = text(bob.control(), "Pool-Name").get(0);
        Lease lease = backend.allocate(new LeaseRequest(pool, "bob", NAS, ""));
        assertThat(lease).isNotNull();
        assertThat(lease.address().getHostAddress()).startsWith("10.0.0.");
    }

    @Test
    void expirationRejectsOrCapsTheSession() throws Exception {
        MemoryBackend backend = backend("""
                old\tCleartext-Password := "x", Expiration := "Jan 01 2001 00:00:00"
                \tReply-Message = "old"
                soon\tCleartext-Password := "x", Expiration := "Nov 21 2026 11:32:13"
                \tSession-Timeout = 86400
                later\tCleartext-Password := "x", Expiration := "Jan 01 2099 00:00:00"
                \tSession-Timeout = 100
                compare\tExpiration == "Jan 01 2001"
                """);
        LoginChecks checks = new LoginChecks(DICTIONARY, CLOCK);
        LoginDecision old = checks.authorize(backend.authorize(request("old")));
        assertThat(old.accepted()).isFalse();
        assertThat(old.reason()).isEqualTo("Account expired at 'Jan  1 2001 00:00:00 UTC'");
        assertThat(text(checks.authorize(backend.authorize(request("soon"))).authorization().reply(),
                "Session-Timeout")).containsExactly("3600");
        assertThat(text(checks.authorize(backend.authorize(request("later"))).authorization().reply(),
                "Session-Timeout")).containsExactly("100");
        // As a comparison, Expiration matches while the date is not past (rlm_expiration's compare).
        assertThat(backend.authorize(request("compare"))).isNull();
    }

    @Test
    void loginTimeRejectsOutsideAndCapsInside() throws Exception {
        MemoryBackend backend = backend("""
                weekdays\tCleartext-Password := "x", Login-Time := "Wk0800-1800"
                saturday\tCleartext-Password := "x", Login-Time := "Sa0000-1100"
                always\tCleartext-Password := "x", Login-Time := "Al"
                """);
        LoginChecks checks = new LoginChecks(DICTIONARY, CLOCK);
        assertThat(checks.authorize(backend.authorize(request("weekdays"))).accepted()).isFalse();
        LoginDecision saturday = checks.authorize(backend.authorize(request("saturday")));
        assertThat(saturday.accepted()).isTrue();
        assertThat(text(saturday.authorization().reply(), "Session-Timeout")).containsExactly("1740");
        LoginDecision always = checks.authorize(backend.authorize(request("always")));
        assertThat(always.accepted()).isTrue();
        assertThat(always.authorization().reply()).isEmpty();
    }

    @Test
    void simultaneousUseCountsTheBackendsSessions() throws Exception {
        MemoryBackend backend = backend("""
                one\tCleartext-Password := "x", Simultaneous-Use := 1
                \tReply-Message = "one", Session-Timeout = 20
                two\tCleartext-Password := "x", Simultaneous-Use := 2
                """);
        LoginChecks checks = new LoginChecks(DICTIONARY, CLOCK);
        Authorization one = backend.authorize(request("one"));
        assertThat(checks.simultaneousUse(one, backend).accepted()).isTrue();
        backend.account(start("one", "s1")).toCompletableFuture().join();
        LoginDecision denied = checks.simultaneousUse(one, backend);
        assertThat(denied.accepted()).isFalse();
        assertThat(denied.authorization().reply()).extracting(PolicyItem::value)
                .containsExactly("You are already logged in - access denied");

        Authorization two = backend.authorize(request("two"));
        backend.account(start("two", "t1")).toCompletableFuture().join();
        assertThat(checks.simultaneousUse(two, backend).accepted()).isTrue();
        backend.account(start("two", "t2")).toCompletableFuture().join();
        assertThat(text(checks.simultaneousUse(two, backend).authorization().reply(), "Reply-Message"))
                .containsExactly("You are already logged in - access denied (2)");
    }

    private static void assertMatches(MemoryBackend backend, String user, String matching, String notMatching)
            throws Exception {
        assertThat(backend.authorize(request(user, matching))).as(user + " with " + matching).isNotNull();
        assertThat(backend.authorize(request(user, notMatching))).as(user + " with " + notMatching).isNull();
    }

    private static AccessRequest request(String user, String... attributes) {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1)
                .addString("User-Name", user);
        for (String pair : attributes) {
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            AttributeDefinition attribute = DICTIONARY.attribute(name);
            switch (attribute.type()) {
                case INTEGER -> builder.addNumber(attribute, attribute.valueNumber(value, -1) >= 0
                        ? attribute.valueNumber(value, -1) : Long.parseLong(value));
                case IPADDR -> builder.addAddress(attribute, address(value));
                default -> builder.add(attribute, value.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new AccessRequest(builder.build(), NAS, new InetSocketAddress(address("192.0.2.1"), 1645), NOW, 1);
    }

    private static AccountingRecord start(String user, String session) {
        RadiusPacket packet = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 1)
                .addNumber("Acct-Status-Type", 1)
                .addString("User-Name", user)
                .addString("Acct-Session-Id", session)
                .addAddress("NAS-IP-Address", address("192.0.2.1"))
                .build();
        return AccountingRecord.from(packet, NAS, new InetSocketAddress(address("192.0.2.1"), 1646), NOW);
    }

    private static List<String> text(List<PolicyItem> items, String name) {
        List<String> values = new ArrayList<>();
        for (PolicyItem item : items) {
            if (item.isNamed(name)) {
                values.add(Expansion.unescape(item.value()));
            }
        }
        return values;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
