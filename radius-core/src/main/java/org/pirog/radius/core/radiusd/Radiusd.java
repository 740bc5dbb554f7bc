package org.pirog.radius.core.radiusd;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.server.RadiusServer;

/**
 * {@code bin/radiusd}: reads the configuration directory, starts the server and stops it cleanly on SIGTERM.
 * Nothing here prints a stack trace to the operator: every configuration error is printed as
 * {@code file[line]: message}, all at once, and the exit code says whether it started.
 */
public final class Radiusd {
    static final int OK = 0;
    static final int FAILED = 1;

    private Radiusd() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != OK || !isServerRunning) {
            System.exit(status);
        }
    }

    private static volatile boolean isServerRunning;

    /** Runs the command; returns the exit status, or blocks while the server runs. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path home = Path.of(System.getProperty("pirog.home", "."));
        RadiusdOptions options;
        try {
            options = RadiusdOptions.parse(args, home.resolve("conf"));
        } catch (RadiusdOptions.UsageException e) {
            err.println("radiusd: " + e.getMessage());
            err.println(RadiusdOptions.USAGE);
            return FAILED;
        }
        if (options.help()) {
            out.println(RadiusdOptions.USAGE);
            return OK;
        }
        if (options.version()) {
            out.println("radiusd: Pirog version " + Version.current() + ", Java " + Runtime.version());
            return OK;
        }
        Logging.configure(options, home);
        if (options.checkOnly()) {
            return check(options, out, err);
        }
        ServerSetup setup;
        try {
            setup = ServerSetup.load(options);
        } catch (ConfigException e) {
            return reportErrors(e, options, err);
        }
        return serve(setup, options, err);
    }

    /** {@code -C}: every error, or the backend's notes and FreeRADIUS's words for a good configuration. */
    private static int check(RadiusdOptions options, PrintStream out, PrintStream err) {
        List<String> notes;
        try {
            notes = ServerSetup.check(options);
        } catch (ConfigException e) {
            return reportErrors(e, options, err);
        }
        for (String note : notes) {
            out.println(note);
        }
        out.println("Configuration appears to be OK");
        return OK;
    }

    private static int reportErrors(ConfigException e, RadiusdOptions options, PrintStream err) {
        for (ConfigError error : e.errors()) {
            err.println(error);
        }
        err.println("radiusd: the configuration in " + options.configDirectory() + " has " + e.errors().size()
                + (e.errors().size() == 1 ? " error" : " errors"));
        return FAILED;
    }

    private static int serve(ServerSetup setup, RadiusdOptions options, PrintStream err) {
        RadiusServer server;
        try {
            server = setup.builder(listeners(setup, options)).start();
        } catch (IOException | IllegalArgumentException e) {
            setup.closeBackend();
            err.println("radiusd: " + e.getMessage());
            return FAILED;
        }
        isServerRunning = true;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            org.slf4j.LoggerFactory.getLogger(Radiusd.class).info("Signalled to terminate");
            server.close();
            org.slf4j.LoggerFactory.getLogger(Radiusd.class).info("Exiting normally");
            stopped.countDown();
            System.out.flush();
            // A stop on SIGTERM is a clean exit (status 0, as FreeRADIUS's), not the JVM's 143.
            Runtime.getRuntime().halt(OK);
        }, "radiusd-stop"));
        setup.logReady(server);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    /** {@code -i} and {@code -p} replace the configured listeners, as in FreeRADIUS. */
    private static List<InetSocketAddress[]> listeners(ServerSetup setup, RadiusdOptions options) {
        if (options.listenAddress() == null && options.port() < 0) {
            return setup.config().listeners();
        }
        InetAddress address;
        try {
            address = options.listenAddress() == null ? new InetSocketAddress(0).getAddress()
                    : InetAddress.getByName(options.listenAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("-i " + options.listenAddress() + ": not an IP address");
        }
        int auth = options.port() < 0 ? 1812 : options.port();
        int acct = auth == 0 ? 0 : auth + 1;
        List<InetSocketAddress[]> listeners = new ArrayList<>();
        listeners.add(new InetSocketAddress[] {new InetSocketAddress(address, auth), new InetSocketAddress(address, acct)});
        return listeners;
    }

    static boolean exists(Path path) {
        return Files.exists(path);
    }
}
