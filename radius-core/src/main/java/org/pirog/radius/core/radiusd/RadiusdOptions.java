package org.pirog.radius.core.radiusd;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The command line, with FreeRADIUS's flags: {@code -X} (debug: foreground, every packet printed), {@code -f}
 * (foreground), {@code -C} (check the configuration and exit), {@code -d DIR}, {@code -l FILE|stdout},
 * {@code -i ADDR}, {@code -p PORT} (accounting on PORT+1), {@code -v}, {@code -h}. Flags may be grouped
 * ({@code -fX}).
 */
record RadiusdOptions(
        boolean debug,
        boolean foreground,
        boolean checkOnly,
        boolean version,
        boolean help,
        Path configDirectory,
        @Nullable String logDestination,
        @Nullable String listenAddress,
        int port) {

    static final String USAGE = """
            Usage: radiusd [-C] [-d DIR] [-f] [-i ADDR] [-l FILE|stdout] [-p PORT] [-v] [-X] [-h]
              -C         check the configuration and exit (0 when it is OK, 1 otherwise)
              -d DIR     configuration directory (clients.conf, users, pirog.conf); default: conf/
              -f         run in the foreground
              -i ADDR    listen on ADDR only
              -l FILE    log to FILE, or to standard output with "-l stdout"
              -p PORT    listen for authentication on PORT and for accounting on PORT+1
              -v         print the version and exit
              -X         debug: foreground, log to standard output, print every packet
              -h         this help""";

    /** A command line that makes no sense; the message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static RadiusdOptions parse(String[] args, Path defaultConfigDirectory) throws UsageException {
        boolean debug = false;
        boolean foreground = false;
        boolean checkOnly = false;
        boolean version = false;
        boolean help = false;
        Path dir = defaultConfigDirectory;
        String log = null;
        String address = null;
        int port = -1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.length() < 2) {
                throw new UsageException("unexpected argument \"" + arg + "\"");
            }
            for (int k = 1; k < arg.length(); k++) {
                char flag = arg.charAt(k);
                switch (flag) {
                    case 'X' -> debug = true;
                    case 'f' -> foreground = true;
                    case 'C' -> checkOnly = true;
                    case 'v' -> version = true;
                    case 'h' -> help = true;
                    case 'x', 's', 'm', 'M' -> {
                        // FreeRADIUS flags with no Pirog meaning (more debug, single-thread, memory checks).
                    }
                    case 'd', 'l', 'i', 'p', 'n' -> {
                        if (k != arg.length() - 1 || i + 1 >= args.length) {
                            throw new UsageException("-" + flag + " needs a value");
                        }
                        String value = args[++i];
                        switch (flag) {
                            case 'd' -> dir = Path.of(value);
                            case 'l' -> log = value;
                            case 'i' -> address = value;
                            case 'p' -> port = port(value);
                            default -> {
                                // -n NAME (the name of radiusd.conf) does not apply: Pirog reads pirog.conf.
                            }
                        }
                    }
                    case '-' -> {
                        if (arg.equals("--help")) {
                            help = true;
                            k = arg.length();
                        } else {
                            throw new UsageException("unknown option \"" + arg + "\"");
                        }
                    }
                    default -> throw new UsageException("unknown option \"-" + flag + "\"");
                }
            }
        }
        return new RadiusdOptions(debug, foreground || debug, checkOnly, version, help, dir, log, address, port);
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65534) {
                throw new UsageException("-p " + text + ": expected a port from 0 to 65534 (accounting uses PORT+1)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("-p " + text + ": not a port number");
        }
    }
}
