package org.pirog.radius.core.backend;

import java.util.List;
import org.pirog.radius.core.config.ConfigException;

/**
 * Makes a backend from configuration; found with {@link java.util.ServiceLoader}, so that {@code radiusd} picks a
 * backend by the name in its configuration ({@code backend = memory}) from the jars in {@code lib/}.
 */
public interface BackendProvider {

    /** The name the configuration uses: {@code memory}, {@code postgres}. */
    String name();

    /**
     * Builds the backend, reading its files. Every error in them is reported at once, with file and line, so
     * that {@code radiusd -C} can print them all.
     */
    Backend create(BackendContext context) throws ConfigException;

    /**
     * Checks the configuration for {@code radiusd -C}, reporting every error as {@link #create} would, but changes
     * nothing the backend keeps (no schema migrated, no row written). This default builds the backend and closes
     * it again, which suits a backend whose start-up writes nothing.
     */
    default BackendCheck check(BackendContext context) throws ConfigException {
        Backend backend = create(context);
        boolean clients = backend.clients() != null;
        try {
            backend.close();
        } catch (Exception e) {
            throw new ConfigException(context.settings().file(), context.settings().line(),
                    "the backend did not close: " + e.getMessage());
        }
        return new BackendCheck(clients, List.of());
    }
}
