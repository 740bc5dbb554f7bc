package org.pirog.radius.core.radiusd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.nas.BlastRadiusMode;

class RadiusdTest {
    @TempDir
    Path dir;

    @Test
    void parsesFreeRadiusFlags() throws Exception {
        RadiusdOptions options = RadiusdOptions.parse(
                new String[] {"-fX", "-d", "/etc/raddb", "-i", "127.0.0.1", "-p", "18120", "-l", "stdout"},
                Path.of("conf"));
        assertThat(options.debug()).isTrue();
        assertThat(options.foreground()).isTrue();
        assertThat(options.configDirectory()).isEqualTo(Path.of("/etc/raddb"));
        assertThat(options.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(18120);
        assertThat(options.logDestination()).isEqualTo("stdout");
        assertThat(RadiusdOptions.parse(new String[] {"-C"}, Path.of("conf")).configDirectory())
                .isEqualTo(Path.of("conf"));
    }

    @Test
    void refusesNonsenseOnTheCommandLine() {
        assertThatThrownBy(() -> RadiusdOptions.parse(new String[] {"-q"}, Path.of("c")))
                .hasMessage("unknown option \"-q\"");
        assertThatThrownBy(() -> RadiusdOptions.parse(new String[] {"-p"}, Path.of("c")))
                .hasMessage("-p needs a value");
        assertThatThrownBy(() -> RadiusdOptions.parse(new String[] {"-p", "x"}, Path.of("c")))
                .hasMessage("-p x: not a port number");
    }

    @Test
    void mainConfigIsOptional() throws Exception {
        MainConfig config = MainConfig.load(dir);
        assertThat(config.dictionary()).isEqualTo("pirog");
        assertThat(config.backendName()).isEqualTo("memory");
        assertThat(config.clientsFile()).isEqualTo(dir.resolve("clients.conf"));
        assertThat(config.listeners()).isEmpty();
        assertThat(config.settings().rejectDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void readsTheMainConfig() throws Exception {
        Files.writeString(dir.resolve("pirog.conf"), """
                dictionary = /usr/share/freeradius/dictionary
                max_request_time = 10
                listen {
                    ipaddr = 127.0.0.1
                    auth_port = 11812
                }
                security {
                    reject_delay = 0
                    require_message_authenticator = yes
                }
                backend memory {
                    users = ${confdir}/users.local
                }
                """);
        MainConfig config = MainConfig.load(dir);
        assertThat(config.dictionary()).isEqualTo("/usr/share/freeradius/dictionary");
        assertThat(config.settings().maxRequestTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.settings().rejectDelay()).isZero();
        assertThat(config.settings().requireMessageAuthenticator()).isEqualTo(BlastRadiusMode.YES);
        assertThat(config.listeners()).hasSize(1);
        assertThat(config.listeners().get(0)[1].getPort()).isEqualTo(11813);
        assertThat(config.backendSettings().value("users", "")).isEqualTo(dir + "/users.local");
    }

    @Test
    void reportsEveryMainConfigError() throws Exception {
        Files.writeString(dir.resolve("pirog.conf"), """
                max_request_time = forever
                security {
                    reject_delay = 99
                    limit_proxy_state = perhaps
                }
                """);
        assertThatThrownBy(() -> MainConfig.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pirog.conf[1]: max_request_time: expected a number, found \"forever\"")
                .hasMessageContaining("pirog.conf[3]: reject_delay: expected a number from 0 to 10, found 99")
                .hasMessageContaining("pirog.conf[4]: limit_proxy_state: expected yes, no or auto");
    }

    @Test
    void checkModeReportsAllErrorsWithFileAndLineAndExitsOne() throws Exception {
        Files.writeString(dir.resolve("clients.conf"), "client x {\n  ipaddr = 10.0.0.1\n}\n");
        Files.writeString(dir.resolve("pirog.conf"), "backend nosuch {\n}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Radiusd.run(new String[] {"-C", "-d", dir.toString()}, print(out), print(err));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(Radiusd.FAILED);
        assertThat(errors).contains("clients.conf[1]: client x: no secret")
                .contains("pirog.conf[1]: backend nosuch: no backend named \"nosuch\"")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void versionAndHelpExitZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Radiusd.run(new String[] {"-v"}, print(out), print(new ByteArrayOutputStream())))
                .isEqualTo(Radiusd.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("radiusd: Pirog version");
        assertThat(Radiusd.run(new String[] {"-h"}, print(out), print(new ByteArrayOutputStream())))
                .isEqualTo(Radiusd.OK);
        assertThat(Radiusd.run(new String[] {"-Z"}, print(out), print(new ByteArrayOutputStream())))
                .isEqualTo(Radiusd.FAILED);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
