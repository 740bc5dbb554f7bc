package org.pirog.radius.benchmarks.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The generator's command line. Every run is bounded twice: by {@code --count} measured requests and by
 * {@code --duration} seconds of measurement, whichever comes first; warm-up and the final drain (at most one
 * {@code --timeout}) come on top.
 */
record LoadOptions(InetSocketAddress server, String secret, RequestType type, int users, int window, int sockets,
        int threads, long count, Duration duration, Duration warmup, Duration timeout,
        boolean requireMessageAuthenticator, long seed) {

    static final String USAGE = """
            Usage: java -cp benchmarks.jar org.pirog.radius.benchmarks.load.LoadGenerator [options]

            A closed-loop RADIUS load generator: --window requests outstanding at all times over --sockets UDP
            sockets, each reply verified (code, Response Authenticator, Message-Authenticator, MS-CHAP2-Success)
            before the next request takes its place.

              --server HOST:PORT     server to load (default 127.0.0.1:18212; accounting usually on the next port)
              --secret TEXT          shared secret (default testing123)
              --type TYPE            pap | mschapv2 | acct (default pap)
              --users N              users user00000..; passwords pass00000.. (default 10000)
              --window N             requests outstanding (default 64)
              --sockets N            UDP sockets, up to 255 outstanding each (default 4)
              --threads N            event-loop threads (default 1)
              --count N              stop after N measured requests (default 100000000)
              --duration SECONDS     stop after this much measurement (default 15)
              --warmup SECONDS       unmeasured load first (default 5)
              --timeout MS           a request unanswered this long is lost (default 1000)
              --require-message-authenticator
                                     count Access replies without Message-Authenticator as wrong
              --seed N               seed for challenges, authenticators and session ids (default: time)
              --help                 this text

            Exit status: 0 when every measured reply was right and none was lost, 1 otherwise, 2 on bad options.
            """;

    LoadOptions {
        if (users < 1 || window < 1 || sockets < 1 || threads < 1 || count < 1) {
            throw new IllegalArgumentException("--users, --window, --sockets, --threads and --count must be positive");
        }
        if (window < sockets) {
            throw new IllegalArgumentException("--window " + window + " is smaller than --sockets " + sockets);
        }
        if (window > 255 * sockets) {
            throw new IllegalArgumentException("--window " + window + " needs more than 255 per socket: raise --sockets");
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative() || timeout.isNegative()
                || timeout.isZero()) {
            throw new IllegalArgumentException("--duration and --timeout must be positive, --warmup not negative");
        }
    }

    /** Parses the command line; {@code null} means {@code --help} was asked. */
    static @Nullable LoadOptions parse(String... args) {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", 18212);
        String secret = "testing123";
        RequestType type = RequestType.PAP;
        int users = 10_000;
        int window = 64;
        int sockets = 4;
        int threads = 1;
        long count = 100_000_000L;
        Duration duration = Duration.ofSeconds(15);
        Duration warmup = Duration.ofSeconds(5);
        Duration timeout = Duration.ofSeconds(1);
        boolean requireMessageAuthenticator = false;
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--require-message-authenticator" -> requireMessageAuthenticator = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(flag + " needs a value");
                    }
                    String value = args[++i];
                    switch (flag) {
                        case "--server" -> server = hostPort(value);
                        case "--secret" -> secret = value;
                        case "--type" -> type = RequestType.parse(value);
                        case "--users" -> users = integer(flag, value);
                        case "--window" -> window = integer(flag, value);
                        case "--sockets" -> sockets = integer(flag, value);
                        case "--threads" -> threads = integer(flag, value);
                        case "--count" -> count = number(flag, value);
                        case "--duration" -> duration = seconds(flag, value);
                        case "--warmup" -> warmup = seconds(flag, value);
                        case "--timeout" -> timeout = Duration.ofMillis(number(flag, value));
                        case "--seed" -> seed = number(flag, value);
                        default -> throw new IllegalArgumentException("unknown option " + flag + " (see --help)");
                    }
                }
            }
        }
        return new LoadOptions(server, secret, type, users, window, sockets, threads, count, duration, warmup,
                timeout, requireMessageAuthenticator, seed);
    }

    private static InetSocketAddress hostPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--server must be HOST:PORT, not " + value);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetSocketAddress address = new InetSocketAddress(host, integer("--server port", value.substring(colon + 1)));
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve " + host);
        }
        return address;
    }

    private static int integer(String flag, String value) {
        long number = number(flag, value);
        if (number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(flag + " is too large: " + value);
        }
        return (int) number;
    }

    private static long number(String flag, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not " + value);
        }
    }

    private static Duration seconds(String flag, String value) {
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs seconds, not " + value);
        }
    }
}
