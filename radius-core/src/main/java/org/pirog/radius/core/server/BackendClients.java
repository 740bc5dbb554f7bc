package org.pirog.radius.core.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.core.backend.BackendException;
import org.pirog.radius.core.backend.ClientSource;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;
import org.pirog.radius.core.nas.NasTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's clients when the backend defines some ({@link ClientSource}): those of {@code clients.conf} first,
 * then the backend's, the first definition of a network winning as in FreeRADIUS (which reads clients.conf, then
 * rlm_sql's nas rows, and refuses a duplicate client). Reloaded on each change the backend signals.
 */
final class BackendClients implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(BackendClients.class);

    private final List<Nas> configured;
    private final ClientSource source;
    private final ServerSettings settings;
    private final Object lock = new Object();
    private @Nullable RadiusServer server;
    private boolean changedBeforeStart;

    BackendClients(List<Nas> configured, ClientSource source, ServerSettings settings) {
        this.configured = List.copyOf(configured);
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        source.onChange(this);
    }

    /** clients.conf's clients and the backend's, read now. */
    NasTable load() throws BackendException {
        return merge(configured, source.clients(settings.requireMessageAuthenticator(), settings.limitProxyState()));
    }

    /** From now on, changes replace the clients of {@code started}. */
    void attach(RadiusServer started) {
        boolean reload;
        synchronized (lock) {
            server = started;
            reload = changedBeforeStart;
        }
        if (reload) {
            run();
        }
    }

    /** A change signalled by the backend: reads the clients again; on failure the old ones stay. */
    @Override
    public void run() {
        RadiusServer target;
        synchronized (lock) {
            target = server;
            if (target == null) {
                changedBeforeStart = true;
                return;
            }
            // One reload at a time, so that an older read never replaces a newer one.
            try {
                NasTable table = load();
                target.clients(table);
                log.info("Clients reloaded: {} in all", table.size());
            } catch (BackendException | RuntimeException e) {
                log.warn("Clients not reloaded, the previous ones stay: {}", e.getMessage());
            }
        }
    }

    /** {@code first}, then those of {@code then} whose network none of them defines yet. */
    static NasTable merge(List<Nas> first, List<Nas> then) {
        Map<NasNetwork, Nas> merged = new LinkedHashMap<>();
        for (Nas nas : first) {
            merged.putIfAbsent(nas.network(), nas);
        }
        for (Nas nas : then) {
            Nas previous = merged.putIfAbsent(nas.network(), nas);
            if (previous != null) {
                log.warn("Backend {} ignored: {} already defines {}", nas, previous, nas.network());
            }
        }
        return NasTable.of(merged.values());
    }
}
