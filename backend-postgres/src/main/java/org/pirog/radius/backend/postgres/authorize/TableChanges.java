package org.pirog.radius.backend.postgres.authorize;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for the notifications the triggers of migration V3 send on {@value #CHANNEL} (payload
 * {@code schema.table:key}, or {@code schema.table} for the whole table) and passes those of one schema to its
 * {@link Subscriber}s, on one thread of its own over one connection of its own (never one of the pool, which
 * would be held forever).
 *
 * <p>What was cached may have changed unseen while the connection was down, so subscribers hear
 * {@link Subscriber#lost()} when it drops, and {@link Subscriber#resynchronise()} once it listens again: until
 * then a cache must not be trusted. The thread reconnects with a back-off from 100 ms to 2 s, and checks an idle
 * connection with a query every few seconds, so that a connection cut without a word is noticed too.
 */
public final class TableChanges implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TableChanges.class);
    /** The channel the triggers notify. */
    public static final String CHANNEL = "pirog_changes";
    private static final int WAIT_MILLIS = 250;
    private static final long PING_NANOS = 5_000_000_000L;
    private static final int NETWORK_TIMEOUT_MILLIS = 5_000;

    /** Hears of changes; called on the listener's thread, so it must not block for long. */
    public interface Subscriber {
        /** Rows of {@code table} changed: those whose key is {@code key}, or any when {@code key} is null. */
        void changed(String table, @Nullable String key);

        /** The connection dropped: changes may go unseen until {@link #resynchronise()}. */
        void lost();

        /** Listening (again): anything may have changed before now. */
        void resynchronise();
    }

    private final String url;
    private final Properties properties;
    private final String schema;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile @Nullable Connection connection;

    /**
     * @param url      the JDBC URL of the database
     * @param user     the user, or null for the URL's
     * @param password the password, or null for the URL's
     * @param schema   the schema whose tables' changes matter
     */
    public TableChanges(String url, @Nullable String user, @Nullable String password, String schema) {
        this.url = Objects.requireNonNull(url, "url");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // Names the connection in pg_stat_activity (tests find it there to cut it).
        properties.setProperty("ApplicationName", applicationName(schema));
        this.thread = Thread.ofPlatform().daemon().name("pirog-changes-" + schema).unstarted(this::listen);
    }

    /** The {@code application_name} of the listening connection. */
    public static String applicationName(String schema) {
        return "pirog-changes " + schema;
    }

    /** Adds a subscriber; call before {@link #start()}. */
    public void subscribe(Subscriber subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    public void start() {
        thread.start();
    }

    private void listen() {
        long backoffMillis = 100;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, properties)) {
                connection = c;
                c.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Listening before resynchronising: whatever changes after this point is heard.
                for (Subscriber subscriber : subscribers) {
                    subscriber.resynchronise();
                }
                LOG.debug("Listening for changes of schema {}", schema);
                backoffMillis = 100;
                receive(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                for (Subscriber subscriber : subscribers) {
                    subscriber.lost();
                }
                LOG.warn("Change notifications of schema {} lost ({}); caches bypassed, reconnecting in {} ms", schema,
                        e.getMessage(), backoffMillis);
                if (!pause(backoffMillis)) {
                    break;
                }
                backoffMillis = Math.min(2_000, backoffMillis * 2);
            } finally {
                connection = null;
            }
        }
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : notifications) {
                    dispatch(notification.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > PING_NANOS) {
                try (Statement statement = c.createStatement()) {
                    statement.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /** Passes on one payload: {@code schema.table:key} or {@code schema.table}. */
    void dispatch(String payload) {
        int dot = payload.indexOf('.');
        if (dot <= 0) {
            LOG.warn("Unknown change notification \"{}\": every cache dropped", payload);
            for (Subscriber subscriber : subscribers) {
                subscriber.resynchronise();
            }
            return;
        }
        if (!payload.regionMatches(0, schema, 0, schema.length()) || dot != schema.length()) {
            return;
        }
        int colon = payload.indexOf(':', dot);
        String table = payload.substring(dot + 1, colon < 0 ? payload.length() : colon);
        String key = colon < 0 ? null : payload.substring(colon + 1);
        for (Subscriber subscriber : subscribers) {
            subscriber.changed(table, key);
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops listening and closes the connection. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        thread.join(5_000);
    }
}
