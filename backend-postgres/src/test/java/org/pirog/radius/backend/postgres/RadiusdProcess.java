package org.pirog.radius.backend.postgres;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.core.client.RadiusClient;

/**
 * A {@code radiusd} of its own (a separate JVM on the test class path) with the postgres backend on one schema,
 * listening on 127.0.0.1: what an operator runs twice, on two machines, against one database.
 */
final class RadiusdProcess implements AutoCloseable {
    static final String SECRET = "testing123";
    private static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    private final Process process;
    private final Path log;
    private final int authPort;

    private RadiusdProcess(Process process, Path log, int authPort) {
        this.process = process;
        this.log = log;
        this.authPort = authPort;
    }

    /** Starts {@code radiusd -f} on a free port pair with {@code backend postgres} on {@code schema}. */
    static RadiusdProcess start(Path directory, String schema) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("clients.conf"), """
                client localhost {
                    ipaddr = 127.0.0.1
                    secret = %s
                }
                """.formatted(SECRET), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("pirog.conf"), """
                security {
                    reject_delay = 0
                }
                backend postgres {
                    url = "%s"
                    schema = %s
                    pool_size = 8
                }
                """.formatted(TestDatabase.URL, schema), StandardCharsets.UTF_8);
        int port = freePortPair();
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.pirog.radius.core.radiusd.Radiusd",
                "-f", "-l", "stdout", "-d", directory.toString(), "-i", "127.0.0.1", "-p", Integer.toString(port)));
        Path log = directory.resolve("radiusd.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The URL is the file's; an operator's override in the environment must not point it elsewhere.
        builder.environment().keySet().removeIf(name -> name.startsWith("PIROG_DB_"));
        return new RadiusdProcess(builder.start(), log, port);
    }

    /** Waits until the server answers a Status-Server on both ports (RFC 5997). */
    void awaitReady(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        for (int port : new int[] {authPort, authPort + 1}) {
            try (RadiusClient client = RadiusClient.builder().server(new InetSocketAddress(LOCALHOST, port))
                    .secret(SharedSecret.of(SECRET)).timeout(Duration.ofMillis(200)).retries(0).build()) {
                while (true) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("radiusd exited with " + process.exitValue() + ":\n" + log());
                    }
                    try {
                        client.send(client.statusServer()).get(2, TimeUnit.SECONDS);
                        break;
                    } catch (ExecutionException | TimeoutException e) {
                        // not listening yet
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("radiusd did not answer within " + patience + ":\n" + log());
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    InetSocketAddress auth() {
        return new InetSocketAddress(LOCALHOST, authPort);
    }

    InetSocketAddress acct() {
        return new InetSocketAddress(LOCALHOST, authPort + 1);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, as an init system stops it; SIGKILL if it has not gone within 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** An authentication port whose successor (accounting) is free as well. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket auth = new DatagramSocket(0, LOCALHOST)) {
                int port = auth.getLocalPort();
                if (port >= 65535) {
                    continue;
                }
                try (DatagramSocket acct = new DatagramSocket(port + 1, LOCALHOST)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free UDP port pair on 127.0.0.1");
    }
}
