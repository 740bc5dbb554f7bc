package org.pirog.radius.core.backend;

import java.util.List;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.nas.Nas;

/**
 * Clients a backend defines besides {@code clients.conf}, such as the rows of FreeRADIUS's SQL {@code nas} table,
 * and that may change while the server runs (FreeRADIUS reads them only at start-up).
 *
 * <p>The server reads them at start and again after each {@link #onChange} signal, merges them after the clients of
 * {@code clients.conf} as FreeRADIUS does (both are read, the first definition of a network wins, so a
 * {@code clients.conf} entry beats a row for the same address), and swaps its client table without a restart.
 */
public interface ClientSource {

    /**
     * Reads the clients now. May block (a query): the server calls it at start and from the thread that signalled
     * a change, never on an event loop. A bad entry is logged and left out, never fatal.
     *
     * @param requireMessageAuthenticator the server's default for entries that do not set it
     * @param limitProxyState             the server's default for entries that do not set it
     */
    List<Nas> clients(BlastRadiusMode requireMessageAuthenticator, BlastRadiusMode limitProxyState)
            throws BackendException;

    /**
     * Registers {@code listener}, run (on a thread of the backend, one change at a time) whenever the clients may
     * have changed; the listener then calls {@link #clients}. Signals may be spurious and are coalesced.
     */
    void onChange(Runnable listener);
}
