package org.pirog.radius.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParserTest {
    @TempDir
    Path dir;

    @Test
    void readsItemsSectionsQuotesCommentsAndReferences() throws Exception {
        Path file = write("pirog.conf", """
                # a comment
                prefix = /opt/pirog
                logdir = ${prefix}/log   # trailing comment
                listen {
                    address = "::1"
                    port = 1812
                }
                client pppd {
                    secret = 'te#st\\'s'
                    shortname = pptp
                }
                """);
        ConfigSection root = ConfigParser.parse(file);
        assertThat(root.value("logdir", "")).isEqualTo("/opt/pirog/log");
        assertThat(root.section("listen").value("address", "")).isEqualTo("::1");
        ConfigSection client = root.sections("client").get(0);
        assertThat(client.label()).isEqualTo("pppd");
        assertThat(client.value("secret", "")).isEqualTo("te#st's");
        assertThat(client.item("shortname").line()).isEqualTo(10);
        assertThat(root.value("confdir", "none")).isEqualTo("none");
    }

    @Test
    void includesFilesAndDirectoriesRelativeToTheIncluder() throws Exception {
        write("sub/a.conf", "client a {\n secret = x\n}\n");
        write("sub/b.conf~", "client backup {\n secret = x\n}\n");
        write("extra.conf", "timeout = 5\n");
        Path file = write("main.conf", "$INCLUDE extra.conf\n$INCLUDE sub/\n$-INCLUDE missing.conf\n");
        ConfigSection root = ConfigParser.parse(file);
        assertThat(root.value("timeout", "")).isEqualTo("5");
        assertThat(root.sections("client")).extracting(ConfigSection::label).containsExactly("a");
    }

    @Test
    void reportsEveryErrorWithFileAndLine() throws Exception {
        Path file = write("bad.conf", """
                name = "unterminated
                section {
                  x = ${undefined}
                }
                }
                a b c
                open {
                """);
        assertThatThrownBy(() -> ConfigParser.parse(file))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).extracting(ConfigError::line)
                        .containsExactly(1, 3, 5, 6, 7))
                .hasMessageContaining("bad.conf[1]: unterminated string")
                .hasMessageContaining("bad.conf[3]: reference to undefined item \"${undefined}\"")
                .hasMessageContaining("bad.conf[5]: '}' closes no section")
                .hasMessageContaining("bad.conf[7]: section \"open\" is never closed");
    }

    @Test
    void missingIncludeIsAnErrorOfTheIncludingLine() throws Exception {
        Path file = write("main.conf", "\n$INCLUDE nowhere.conf\n");
        assertThatThrownBy(() -> ConfigParser.parse(file)).hasMessageContaining("nowhere.conf: no such file");
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
