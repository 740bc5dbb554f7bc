package org.pirog.radius.core.backend;

import java.nio.file.Path;
import java.util.Objects;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.config.ConfigSection;

/**
 * What a {@link BackendProvider} gets to build its backend from.
 *
 * @param dictionary      the server's dictionary (attribute names in files and rows resolve against it)
 * @param configDirectory the {@code -d} directory; relative paths in the settings are relative to it
 * @param settings        the backend's section of the main configuration file ({@code backend memory { … }}),
 *                        or an empty section when there is none
 */
public record BackendContext(Dictionary dictionary, Path configDirectory, ConfigSection settings) {
    public BackendContext {
        Objects.requireNonNull(dictionary, "dictionary");
        Objects.requireNonNull(configDirectory, "configDirectory");
        Objects.requireNonNull(settings, "settings");
    }

    /** A path from the settings, resolved against the configuration directory. */
    public Path resolve(String path) {
        return configDirectory.resolve(path);
    }
}
