package org.pirog.radius.core.radiusd;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the Logback configuration before the first logger exists: {@code -X} and {@code -l stdout} log to
 * standard output ({@code -X} at DEBUG, which prints every packet); {@code -l FILE} logs to that file; otherwise
 * {@code logback.xml} in the configuration directory, or {@code log/radius.log} under the installation.
 * An operator's own {@code -Dlogback.configurationFile} always wins.
 */
final class Logging {
    private static final String RESOURCES = "org/pirog/radius/core/radiusd/";

    private Logging() {
    }

    static void configure(RadiusdOptions options, Path home) {
        System.setProperty("pirog.home", home.toString());
        // jOOQ (the postgres backend) prints a logo and tips to standard output unless told not to.
        setIfAbsent("org.jooq.no-logo", "true");
        setIfAbsent("org.jooq.no-tips", "true");
        if (options.debug()) {
            System.setProperty("pirog.log.level", "DEBUG");
        }
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        String destination = options.logDestination();
        boolean stdout = options.debug() || options.checkOnly() || "stdout".equals(destination)
                || (destination == null && options.foreground() && !Files.exists(home.resolve("log")));
        if (stdout) {
            System.setProperty("logback.configurationFile", RESOURCES + "logback-stdout.xml");
            return;
        }
        if (destination != null) {
            System.setProperty("pirog.log.file", destination);
            System.setProperty("logback.configurationFile", RESOURCES + "logback-file.xml");
            return;
        }
        Path own = options.configDirectory().resolve("logback.xml");
        System.setProperty("logback.configurationFile",
                Files.exists(own) ? own.toString() : RESOURCES + "logback-file.xml");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
