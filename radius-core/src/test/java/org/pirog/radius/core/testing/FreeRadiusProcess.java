package org.pirog.radius.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private FreeRADIUS 3 for interop tests: a copy of the installed configuration in a temporary directory, with
 * one virtual server listening on 127.0.0.1 and two free ports of its own (never 1812/1813), one client
 * (127.0.0.1 with the test's secret), and a {@code files} users file made of the test's entries. Runs as
 * {@code freeradius -f -l stdout} and is stopped by {@link #close()}.
 *
 * <p>The virtual server authorizes with chap, mschap, files and pap, authenticates PAP, CHAP and MS-CHAP, and
 * answers accounting after writing it with {@code detail}. {@code reject_delay} is 0 so that rejects come at once.
 * Use {@link #isInstalled()} in an assumption, so that tests skip where FreeRADIUS is absent.
 */
public final class FreeRadiusProcess implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/freeradius");
    public static final Path STOCK_CONFIG = Path.of("/etc/freeradius/3.0");
    private static final String READY = "Ready to process requests";

    private final Path directory;
    private final InetSocketAddress authAddress;
    private final InetSocketAddress acctAddress;
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private FreeRadiusProcess(Builder builder) throws IOException {
        this.directory = Files.createTempDirectory("pirog-freeradius-");
        int[] ports = builder.authPort > 0 ? new int[] {builder.authPort, builder.authPort + 1} : freeUdpPorts();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.authAddress = new InetSocketAddress(loopback, ports[0]);
        this.acctAddress = new InetSocketAddress(loopback, ports[1]);
        writeConfiguration(builder);
        this.process = new ProcessBuilder(BINARY.toString(), "-f", "-l", "stdout", "-d", directory.toString())
                .redirectErrorStream(true)
                .start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> readOutput(ready), "freeradius-output");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean started = ready.await(builder.startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!started || !process.isAlive()) {
                close();
                throw new IOException("FreeRADIUS did not start in " + directory + ":\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while FreeRADIUS started", e);
        }
    }

    /**
     * Whether FreeRADIUS and its configuration are installed where Debian puts them, and readable by us (the
     * configuration is {@code freerad:freerad 0640}: root or the freerad group).
     */
    public static boolean isInstalled() {
        return Files.isExecutable(BINARY) && Files.isReadable(STOCK_CONFIG.resolve("radiusd.conf"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public InetSocketAddress authAddress() {
        return authAddress;
    }

    public InetSocketAddress acctAddress() {
        return acctAddress;
    }

    /** The private configuration directory (with {@code log/} and the accounting detail files under it). */
    public Path directory() {
        return directory;
    }

    /** What FreeRADIUS printed so far. */
    public String output() {
        return output.toString();
    }

    /** Stops FreeRADIUS (SIGTERM, then SIGKILL after 5 s) and deletes its directory. */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteRecursively(directory);
    }

    private void readOutput(CountDownLatch ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.contains(READY)) {
                    ready.countDown();
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
        ready.countDown();
    }

    private void writeConfiguration(Builder builder) throws IOException {
        copyRecursively(STOCK_CONFIG, directory);
        Files.createDirectories(directory.resolve("log"));
        Files.createDirectories(directory.resolve("run"));
        // Our own virtual server replaces the stock ones (the stock inner-tunnel listens on 127.0.0.1:18120), and
        // eap goes: it needs certificates and an Auth-Type EAP that this server does not have.
        try (Stream<Path> sites = Files.list(directory.resolve("sites-enabled"))) {
            for (Path site : sites.toList()) {
                Files.delete(site);
            }
        }
        Files.deleteIfExists(directory.resolve("mods-enabled/eap"));
        Path radiusd = directory.resolve("radiusd.conf");
        String conf = Files.readString(radiusd)
                .replaceFirst("(?m)^raddbdir = .*$", "raddbdir = " + directory)
                .replaceFirst("(?m)^logdir = .*$", "logdir = " + directory.resolve("log"))
                .replaceFirst("(?m)^run_dir = .*$", "run_dir = " + directory.resolve("run"))
                .replaceFirst("(?m)^(\\s*)user = ", "$1#user = ")
                .replaceFirst("(?m)^(\\s*)group = ", "$1#group = ")
                .replaceFirst("(?m)^(\\s*)reject_delay = .*$", "$1reject_delay = 0");
        Files.writeString(radiusd, conf);
        Files.writeString(directory.resolve("clients.conf"), """
                client pirog-test {
                	ipaddr = 127.0.0.1
                	secret = "%s"
                }
                """.formatted(builder.secret));
        Files.writeString(directory.resolve("sites-enabled/pirog"), """
                server pirog {
                	listen {
                		type = auth
                		ipaddr = 127.0.0.1
                		port = %d
                	}
                	listen {
                		type = acct
                		ipaddr = 127.0.0.1
                		port = %d
                	}
                	authorize {
                		chap
                		mschap
                		files
                		pap
                	}
                	authenticate {
                		Auth-Type PAP {
                			pap
                		}
                		Auth-Type CHAP {
                			chap
                		}
                		Auth-Type MS-CHAP {
                			mschap
                		}
                	}
                	preacct {
                		acct_unique
                	}
                	accounting {
                		detail
                		attr_filter.accounting_response
                	}
                	post-auth {
                	}
                }
                """.formatted(authAddress.getPort(), acctAddress.getPort()));
        Path users = directory.resolve("mods-config/files/authorize");
        Files.deleteIfExists(users);
        Files.write(users, builder.users, StandardCharsets.UTF_8);
    }

    /** Two distinct UDP ports the kernel just handed out as free; FreeRADIUS binds them a moment later. */
    private static int[] freeUdpPorts() throws IOException {
        try (DatagramSocket auth = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
                DatagramSocket acct = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return new int[] {auth.getLocalPort(), acct.getLocalPort()};
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** What the private FreeRADIUS knows; {@link #secret} is required. */
    public static final class Builder {
        private String secret = "";
        private final List<String> users = new ArrayList<>();
        private int authPort;
        private Duration startTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** The shared secret of the 127.0.0.1 client. */
        public Builder secret(String value) {
            if (value.isEmpty() || value.contains("\"")) {
                throw new IllegalArgumentException("the secret must be non-empty and without quotes");
            }
            this.secret = value;
            return this;
        }

        /** A users-file entry {@code name Cleartext-Password := "password"}. */
        public Builder user(String name, String cleartextPassword) {
            return usersFileLine(name + "\tCleartext-Password := \"" + cleartextPassword + "\"");
        }

        /** Any users-file line, as FreeRADIUS's {@code mods-config/files/authorize} takes it. */
        public Builder usersFileLine(String line) {
            users.add(line);
            return this;
        }

        /** Listens on this port for auth and the next for accounting, instead of two free ephemeral ports. */
        public Builder ports(int authPort) {
            if (authPort < 1024 || authPort > 65534 || authPort == 1812 || authPort == 1813 || authPort == 1811) {
                throw new IllegalArgumentException("pick an unprivileged port pair that is not 1812/1813");
            }
            this.authPort = authPort;
            return this;
        }

        public Builder startTimeout(Duration value) {
            this.startTimeout = value;
            return this;
        }

        /** Writes the configuration and starts FreeRADIUS; returns once it is ready to process requests. */
        public FreeRadiusProcess start() throws IOException {
            if (secret.isEmpty()) {
                throw new IllegalStateException("secret is required");
            }
            return new FreeRadiusProcess(this);
        }
    }
}
