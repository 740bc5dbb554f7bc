package org.pirog.radius.core.backend;

import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.accounting.AccountingRecord;

/**
 * An account store: what the server asks to authorize a login, to record accounting and to lease addresses.
 *
 * <p>A backend knows nothing of Netty. It declares its {@link #threading()}: an {@link Threading#INLINE} backend
 * answers from memory and is called on the event loop; a {@link Threading#BLOCKING} one (a database) is only
 * ever called from virtual threads. Accounting may differ ({@link #accountingThreading()}): a backend that
 * authorizes from memory but writes records to a file or a database blocks only there. Either way every method
 * is called concurrently and must be thread-safe.
 *
 * <p>{@link BackendException} means "could not answer now": the server sends no reply and the NAS retransmits.
 */
public interface Backend extends AutoCloseable {

    /** Where {@link #authorize}, {@link #allocate}, {@link #release}, {@link #openSessions} may run. */
    Threading threading();

    /** Where {@link #account} may run; the same as {@link #threading()} unless the backend says otherwise. */
    default Threading accountingThreading() {
        return threading();
    }

    /**
     * Finds the account the request names and runs the backend's policy on it ({@code users} entries, SQL
     * check and reply rows, tariffs): the check items that compare request attributes are already applied.
     *
     * @return the account's control and reply items, or null when no account matches (user not found)
     */
    @Nullable Authorization authorize(AccessRequest request) throws BackendException;

    /**
     * Stores one accounting record (Start, Interim-Update, Stop, Accounting-On/Off) and applies it to
     * sessions and leases. Returns only once the record is durable: the server then sends the
     * Accounting-Response. A retransmitted record may arrive twice and must not be counted twice.
     */
    void account(AccountingRecord record) throws BackendException;

    /** Leases an address from the named pool; null when the pool is unknown or has no free address. */
    @Nullable Lease allocate(LeaseRequest request) throws BackendException;

    /** Gives back a lease whose Access-Accept was not sent. */
    void release(Lease lease) throws BackendException;

    /** The number of open sessions of the account, for Simultaneous-Use. */
    int openSessions(String userName) throws BackendException;

    /**
     * Records the outcome of an Access-Request (FreeRADIUS's post-auth: the SQL {@code radpostauth} table).
     * Called after the reply is decided; it must not delay the reply. The default does nothing.
     */
    default void postAuth(AccessRequest request, boolean accepted) throws BackendException {
    }

    /** Releases the backend's resources. */
    @Override
    default void close() throws Exception {
    }
}
