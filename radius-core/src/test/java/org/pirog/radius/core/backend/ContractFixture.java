package org.pirog.radius.core.backend;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The accounts and pools every backend is tested with, in no backend's format: each {@link BackendContract}
 * subclass writes them into its own storage (a {@code users} file and settings for the memory backend, SQL rows
 * for PostgreSQL).
 *
 * @param accounts the accounts
 * @param pools    the address pools
 */
public record ContractFixture(List<Account> accounts, List<Pool> pools) {
    public ContractFixture {
        accounts = List.copyOf(accounts);
        pools = List.copyOf(pools);
    }

    /**
     * One account.
     *
     * @param name            the User-Name
     * @param password        the known-good password (Cleartext-Password)
     * @param reply           reply items, all with {@code =}
     * @param fixedIp         a fixed Framed-IP-Address, or null
     * @param pool            the Pool-Name its sessions lease addresses from, or null
     * @param simultaneousUse its Simultaneous-Use, or 0 for none
     */
    public record Account(String name, String password, List<Reply> reply, @Nullable String fixedIp,
            @Nullable String pool, int simultaneousUse) {
        public Account {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            reply = List.copyOf(reply);
        }
    }

    /** A reply item {@code attribute = value}, the value in FreeRADIUS's text form. */
    public record Reply(String attribute, String value) {
    }

    /**
     * An address pool.
     *
     * @param name   its Pool-Name
     * @param ranges inclusive ranges {@code first-last}, e.g. {@code 10.0.0.10-10.0.0.100}
     */
    public record Pool(String name, List<String> ranges) {
        public Pool {
            ranges = List.copyOf(ranges);
        }
    }

    /** The NAS-IP-Address of the fixture's NAS. */
    public static final String NAS_IP = "192.0.2.1";
    /** The NAS-IP-Address of a second NAS. */
    public static final String OTHER_NAS_IP = "192.0.2.2";
    /** The fixed address of {@code alice}, in no pool. */
    public static final String ALICE_IP = "10.1.0.5";
    /** {@code main}: two ranges, 91 + 100 addresses. */
    public static final int MAIN_SIZE = 191;
    /** {@code tiny}: four addresses. */
    public static final int TINY_SIZE = 4;

    /** The standard fixture: alice (fixed IP), bob and dave (pool main, one session), carol (pool tiny, two). */
    public static ContractFixture standard() {
        return new ContractFixture(
                List.of(
                        new Account("alice", "alice-secret",
                                List.of(new Reply("Session-Timeout", "3600"), new Reply("Reply-Message", "Hello, alice")),
                                ALICE_IP, null, 0),
                        new Account("bob", "bob-secret", List.of(new Reply("Idle-Timeout", "600")), null, "main", 1),
                        new Account("carol", "carol-secret", List.of(), null, "tiny", 2),
                        new Account("dave", "dave-secret", List.of(), null, "main", 1)),
                List.of(
                        new Pool("main", List.of("10.0.0.10-10.0.0.100", "10.0.1.1-10.0.1.100")),
                        new Pool("tiny", List.of("10.9.0.1-10.9.0.4"))));
    }
}
