package org.pirog.radius.core.backend;

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
}
