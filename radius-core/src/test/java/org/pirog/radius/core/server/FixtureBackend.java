package org.pirog.radius.core.server;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.backend.AccessRequest;
import org.pirog.radius.core.backend.Authorization;
import org.pirog.radius.core.backend.Backend;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.Lease;
import org.pirog.radius.core.backend.LeaseRequest;
import org.pirog.radius.core.backend.Threading;
import org.pirog.radius.core.policy.Operator;
import org.pirog.radius.core.policy.PolicyItem;

/**
 * A backend for the server's own tests: accounts given in code, accounting kept in a list, and switches that
 * make it fail or block, so that the server's reactions to them can be observed.
 */
final class FixtureBackend implements Backend {
    private final Dictionary dictionary = Dictionary.pirog();
    private final Threading threading;
    private final Map<String, Authorization> accounts = new ConcurrentHashMap<>();
    final List<AccountingRecord> records = new CopyOnWriteArrayList<>();
    final AtomicInteger postAuths = new AtomicInteger();
    /** Users {@link #authorizeFromMemory} answers for (found or not); for the others it says NOT_IN_MEMORY. */
    final Set<String> inMemory = ConcurrentHashMap.newKeySet();
    /** The calls of a login, each as "method@thread" (loop, virtual, or the thread's name). */
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    volatile long delayMillis;

    FixtureBackend(Threading threading) {
        this.threading = threading;
    }

    /** An account with a cleartext password and reply items given as name/value pairs. */
    FixtureBackend account(String name, String password, String... reply) {
        List<PolicyItem> control = List.of(item("Cleartext-Password", Operator.ASSIGN, password));
        PolicyItem[] items = new PolicyItem[reply.length / 2];
        for (int i = 0; i < items.length; i++) {
            items[i] = item(reply[2 * i], Operator.SET, reply[2 * i + 1]);
        }
        accounts.put(name, Authorization.of(name, control, List.of(items)));
        return this;
    }

    FixtureBackend account(Authorization authorization) {
        accounts.put(authorization.userName(), authorization);
        return this;
    }

    PolicyItem item(String attribute, Operator operator, String value) {
        return PolicyItem.of(dictionary.attribute(attribute), operator, value);
    }

    @Override
    public Threading threading() {
        return threading;
    }

    @Override
    public @Nullable Authorization authorize(AccessRequest request) throws BackendException {
        called("authorize");
        pause();
        return accounts.get(request.userName());
    }

    @Override
    public @Nullable Authorization authorizeFromMemory(AccessRequest request) {
        called("authorizeFromMemory");
        return inMemory.contains(request.userName()) ? accounts.get(request.userName()) : NOT_IN_MEMORY;
    }

    private void called(String method) {
        Thread thread = Thread.currentThread();
        calls.add(method + "@" + (thread.isVirtual() ? "virtual"
                : thread.getName().startsWith("radius-loop") ? "loop" : thread.getName()));
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> account(AccountingRecord record) {
        // Like a database: the record is stored later, on another thread, or not at all.
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                pause();
            } catch (BackendException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            records.add(record);
        });
    }

    @Override
    public @Nullable Lease allocate(LeaseRequest request) throws BackendException {
        called("allocate");
        try {
            return new Lease(request.pool(), InetAddress.getByName("10.99.0.1"));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void release(Lease lease) {
    }

    @Override
    public int openSessions(String userName) {
        called("openSessions");
        return 0;
    }

    @Override
    public void postAuth(AccessRequest request, boolean accepted) {
        postAuths.incrementAndGet();
    }

    private void pause() throws BackendException {
        if (failing) {
            throw new BackendException("the fixture is failing on purpose");
        }
        long delay = delayMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted");
            }
        }
    }
}
