package org.pirog.radius.backend.postgres.nas;

import static org.pirog.radius.backend.postgres.schema.Tables.NAS;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.backend.postgres.authorize.TableChanges;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.ClientSource;
import org.pirog.radius.core.nas.BlastRadiusMode;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients of FreeRADIUS's {@code nas} table, as rlm_sql's {@code client_query} reads them: {@code nasname} (an
 * IP address, a network in CIDR form, or a host name, resolved when read), {@code secret}, {@code shortname} (the
 * client's name in logs; {@code nasname} when empty) and {@code type}; and, when the table has them (FreeRADIUS
 * 3.2.5's schema, not older ones), {@code require_ma} and {@code limit_proxy_state} ({@code yes}, {@code no},
 * {@code auto}; the server's default when absent, empty or unknown). A row that makes no client (bad
 * {@code nasname}, empty secret) is logged and left out, never fatal. Rows are read in {@code id} order.
 *
 * <p>A change to the table (a notification from its trigger, or the notification connection coming back) runs
 * the {@link #onChange} listeners on a thread of this class, one reload at a time, several changes coalesced.
 */
public final class NasClients implements ClientSource, TableChanges.Subscriber, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NasClients.class);

    private final DSLContext dsl;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService reloader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("pirog-nas-reload").factory());
    private final AtomicBoolean pending = new AtomicBoolean();

    public NasClients(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<Nas> clients(BlastRadiusMode requireMessageAuthenticator, BlastRadiusMode limitProxyState)
            throws BackendException {
        List<Nas> clients = new ArrayList<>();
        try {
            // select * as plain SQL, whose columns come from the result: require_ma and limit_proxy_state exist
            // only in FreeRADIUS 3.2.5's schema, not in the generated table.
            for (Record row : dsl.resultQuery("select * from {0} order by {1}", NAS, NAS.ID).fetch()) {
                Nas nas = client(row, requireMessageAuthenticator, limitProxyState);
                if (nas != null) {
                    clients.add(nas);
                }
            }
        } catch (DataAccessException e) {
            throw new BackendException("nas: " + e.getMessage(), e);
        }
        return clients;
    }

    /** The client a row defines, or null (logged) when it defines none. */
    static @Nullable Nas client(Record row, BlastRadiusMode requireMessageAuthenticator,
            BlastRadiusMode limitProxyState) {
        Object id = row.get(NAS.ID.getName());
        String nasName = text(row, NAS.NASNAME.getName()).strip();
        NasNetwork network = network(nasName);
        if (network == null) {
            LOG.warn("nas row {}: nasname \"{}\" is no IP address, network (address/prefix) or host name that"
                    + " resolves; row left out", id, nasName);
            return null;
        }
        String secret = text(row, NAS.SECRET.getName());
        if (secret.isEmpty()) {
            LOG.warn("nas row {} ({}): empty secret; row left out", id, nasName);
            return null;
        }
        String shortName = text(row, NAS.SHORTNAME.getName()).strip();
        String name = shortName.isEmpty() ? nasName : shortName;
        String type = text(row, NAS.TYPE.getName()).strip();
        return new Nas(name, network, SharedSecret.of(secret), name, type.isEmpty() ? "other" : type,
                mode(row, "require_ma", id, requireMessageAuthenticator),
                mode(row, "limit_proxy_state", id, limitProxyState));
    }

    /** An address, a network or a host name (resolved now, as FreeRADIUS does when it reads the table). */
    static @Nullable NasNetwork network(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (host.isEmpty() || host.equals("*")) {
            return null;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return prefix < 0 || prefix > bits ? null : new NasNetwork(address, prefix);
    }

    private static BlastRadiusMode mode(Record row, String column, @Nullable Object id, BlastRadiusMode fallback) {
        Field<?> field = row.field(column);
        if (field == null) {
            return fallback;
        }
        Object value = row.get(field);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        BlastRadiusMode mode = BlastRadiusMode.parse(value.toString().strip());
        if (mode == null) {
            LOG.warn("nas row {}: {} \"{}\" is not yes, no or auto; the server's default {} applies", id, column,
                    value, fallback);
            return fallback;
        }
        return mode;
    }

    private static String text(Record row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void changed(String table, @Nullable String key) {
        if (table.equals(NAS.getName())) {
            signal();
        }
    }

    @Override
    public void lost() {
        // The clients stay as they are; they are read again once notifications are back.
    }

    @Override
    public void resynchronise() {
        signal();
    }

    /** Runs the listeners soon, once for however many signals arrive before they start. */
    private void signal() {
        if (listeners.isEmpty() || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            reloader.execute(() -> {
                pending.set(false);
                for (Runnable listener : listeners) {
                    try {
                        listener.run();
                    } catch (RuntimeException e) {
                        LOG.warn("Client reload failed: {}", e.toString());
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    @Override
    public void close() throws InterruptedException {
        reloader.shutdownNow();
        reloader.awaitTermination(5, TimeUnit.SECONDS);
    }
}
