package org.pirog.radius.core.backend;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.accounting.AccountingRecord;

/**
 * An account store: what the server asks to authorize a login, to record accounting and to lease addresses.
 *
 * <p>A backend knows nothing of Netty. It declares its {@link #threading()}: an {@link Threading#INLINE} backend
 * answers from memory and is called on the event loop; a {@link Threading#BLOCKING} one (a database) is only
 * ever called from virtual threads. Accounting is asynchronous for every backend ({@link #account}): the server
 * calls it on the event loop and answers when the returned stage completes, so that a backend can group many
 * records into one write or one transaction (group commit) without a thread per record. Every method is called
 * concurrently and must be thread-safe.
 *
 * <p>A blocking backend that keeps accounts in memory (a cache) answers those from the event loop with
 * {@link #authorizeFromMemory}: no hand-over to a virtual thread and back for the common case.
 *
 * <p>{@link BackendException} means "could not answer now": the server sends no reply and the NAS retransmits.
 */
public interface Backend extends AutoCloseable {

    /**
     * {@link #authorizeFromMemory}'s answer when it would have to block; compared by identity, never sent.
     */
    Authorization NOT_IN_MEMORY = new Authorization("", List.of(), List.of(), AccountState.DISABLED,
            SessionLimits.UNLIMITED);

    /** Where {@link #authorize}, {@link #allocate}, {@link #release}, {@link #openSessions} may run. */
    Threading threading();


    /**
     * Finds the account the request names and runs the backend's policy on it ({@code users} entries, SQL
     * check and reply rows, tariffs): the check items that compare request attributes are already applied.
     *
     * @return the account's control and reply items, or null when no account matches (user not found)
     */
    @Nullable Authorization authorize(AccessRequest request) throws BackendException;

    /**
     * For a {@link Threading#BLOCKING} backend: what {@link #authorize} would answer, when the backend can tell
     * without blocking (its rows are in memory); else {@link #NOT_IN_MEMORY}, and the server calls
     * {@link #authorize} on a virtual thread. Called on an event loop: it must not block, nor wait for a lock held
     * across I/O. The server still goes to a virtual thread when the login needs {@link #openSessions} or
     * {@link #allocate}. The default never knows.
     */
    default @Nullable Authorization authorizeFromMemory(AccessRequest request) throws BackendException {
        return NOT_IN_MEMORY;
    }

    /**
     * Stores one accounting record (Start, Interim-Update, Stop, Accounting-On/Off) and applies it to
     * sessions and leases. Called on an event loop: it must not block. The stage completes once the record is
     * durable, and the server then sends the Accounting-Response; it completes exceptionally (with a
     * {@link BackendException}) when the record could not be stored, and the server then sends nothing, so the
     * NAS retransmits. A retransmitted record may arrive twice and must not be counted twice.
     */
    CompletionStage<Void> account(AccountingRecord record);

    /** Leases an address from the named pool; null when the pool is unknown or has no free address. */
    @Nullable Lease allocate(LeaseRequest request) throws BackendException;

    /** Gives back a lease whose Access-Accept was not sent. */
    void release(Lease lease) throws BackendException;

    /** The number of open sessions of the account, for Simultaneous-Use. */
    int openSessions(String userName) throws BackendException;

    /**
     * Records the outcome of an Access-Request (FreeRADIUS's post-auth: the SQL {@code radpostauth} table).
     * Called after the reply is decided, on an event loop when the authorization came from memory: it must not
     * block nor delay the reply (queue the record). The default does nothing.
     */
    default void postAuth(AccessRequest request, boolean accepted) throws BackendException {
    }

    /**
     * The clients this backend defines besides {@code clients.conf} (the SQL {@code nas} table), or null when it
     * defines none. The default is null.
     */
    default @Nullable ClientSource clients() {
        return null;
    }

    /** Releases the backend's resources. */
    @Override
    default void close() throws Exception {
    }
}
