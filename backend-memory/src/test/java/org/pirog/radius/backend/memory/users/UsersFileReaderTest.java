package org.pirog.radius.backend.memory.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.policy.CheckItem;
import org.pirog.radius.core.policy.Operator;
import org.pirog.radius.core.policy.PolicyItem;
import org.pirog.radius.core.policy.ReplyItem;

class UsersFileReaderTest {
    private static final Dictionary DICTIONARY = Dictionary.pirog();

    @TempDir
    Path directory;

    private UsersFile read(String text) throws IOException, ConfigException {
        Path file = directory.resolve("users");
        Files.writeString(file, text);
        return UsersFileReader.read(file, DICTIONARY);
    }

    private List<ConfigError> errors(String text) throws IOException {
        Path file = directory.resolve("users");
        Files.writeString(file, text);
        try {
            UsersFileReader.read(file, DICTIONARY);
        } catch (ConfigException e) {
            return e.errors();
        }
        throw new AssertionError("no errors in " + text);
    }

    private static List<PolicyItem> check(UsersEntry entry) {
        return entry.rule().check().stream().map(CheckItem::item).toList();
    }

    private static List<PolicyItem> reply(UsersEntry entry) {
        return entry.rule().reply().stream().map(ReplyItem::item).toList();
    }

    private static PolicyItem item(String name, String operator, String value) {
        return PolicyItem.of(DICTIONARY.attribute(name), Operator.fromToken(operator), value);
    }

    @Test
    void readsEntriesWithCheckAndReplyItems() throws Exception {
        UsersFile users = read("""
                # a comment
                bob\tCleartext-Password := "secret", NAS-Port-Type == Virtual   # trailing comment

                \tReply-Message = "Hello",   # the next line continues
                \t# a comment line inside the reply
                \tSession-Timeout = 3600, Idle-Timeout = 600,
                \tFramed-IP-Address = 10.0.0.5
                DEFAULT\tAuth-Type := Reject
                \tReply-Message = "Go away"
                alice
                """);
        assertThat(users.entries()).extracting(UsersEntry::name).containsExactly("bob", "DEFAULT", "alice");
        UsersEntry bob = users.entries().get(0);
        assertThat(bob.line()).isEqualTo(2);
        assertThat(bob.order()).isZero();
        assertThat(check(bob)).containsExactly(item("Cleartext-Password", ":=", "secret"),
                item("NAS-Port-Type", "==", "Virtual"));
        assertThat(reply(bob)).containsExactly(item("Reply-Message", "=", "Hello"),
                item("Session-Timeout", "=", "3600"), item("Idle-Timeout", "=", "600"),
                item("Framed-IP-Address", "=", "10.0.0.5"));
        assertThat(users.entries().get(1).isDefault()).isTrue();
        assertThat(check(users.entries().get(2))).isEmpty();
        assertThat(reply(users.entries().get(2))).isEmpty();
    }

    @Test
    void readsFallThroughAndTags() throws Exception {
        UsersFile users = read("""
                DEFAULT\tService-Type == Framed-User
                \tTunnel-Type:1 = L2TP, Tunnel-Medium-Type:1 = IPv4, Tunnel-Private-Group-Id:2 = "vlan",
                \tFall-Through = Yes
                """);
        UsersEntry entry = users.entries().get(0);
        assertThat(entry.rule().fallThrough()).isTrue();
        assertThat(reply(entry)).extracting(PolicyItem::tag).containsExactly(1, 1, 2);
    }

    @Test
    void onlyDoubleQuotedValuesWithAnExpansionExpand() throws Exception {
        UsersFile users = read("""
                bob
                \tReply-Message = "%{User-Name}", Reply-Message += '%{User-Name}', Reply-Message += "50% off %t"
                """);
        // FreeRADIUS 3.2.1 expands only the first; the others are literal text.
        assertThat(reply(users.entries().get(0))).extracting(PolicyItem::value)
                .containsExactly("%{User-Name}", "%%{User-Name}", "50%% off %%t");
    }

    @Test
    void anEqualsOnARequestAttributeComparesAsRlmFilesRewritesIt() throws Exception {
        UsersFile users = read("bob\tNAS-Port = 5, Auth-Type = Accept, User-Password == \"pw\"\n");
        assertThat(check(users.entries().get(0))).containsExactly(item("NAS-Port", "==", "5"),
                item("Auth-Type", "=", "Accept"), item("Cleartext-Password", ":=", "pw"));
    }

    @Test
    void includesFilesRelativeToTheIncludingFile() throws Exception {
        Files.createDirectories(directory.resolve("sub/deeper"));
        Files.writeString(directory.resolve("sub/first"), """
                carol\tCleartext-Password := "c"
                $INCLUDE deeper/second
                """);
        Files.writeString(directory.resolve("sub/deeper/second"), "dave\tCleartext-Password := \"d\"\n");
        UsersFile users = read("""
                alice\tCleartext-Password := "a"
                $INCLUDE sub/first
                bob\tCleartext-Password := "b"
                """);
        assertThat(users.entries()).extracting(UsersEntry::name).containsExactly("alice", "carol", "dave", "bob");
        assertThat(users.entries()).extracting(UsersEntry::order).containsExactly(0, 1, 2, 3);
        assertThat(users.entries().get(2).file()).endsWith("second");
    }

    @Test
    void collectsEveryErrorWithFileAndLine() throws Exception {
        List<ConfigError> errors = errors("""
                bad1\tCleartext-Password := "x", Foo-Bar == 1
                \tReply-Message = "x"
                bad2\tCleartext-Password := "x"
                \tSession-Timeout = abc
                bad3\tCleartext-Password := "x"
                \tReply-Message = "x"
                \tIdle-Timeout = 5
                bad4\tCleartext-Password := "x"
                \tReply-Message = "x",

                bad5\tCleartext-Password := "y",
                \tReply-Message = "%{Nope}"
                bad6\tCleartext-Password := "x" Reply-Message = "x"
                bad7\tNAS-Port-Type == Foo, Framed-IP-Address == 1.2.3.256, Expiration := "01/01/2030"
                bad8\tReply-Message := "unclosed
                $INCLUDE missing
                bad9\tTunnel-Type:40 = L2TP, Session-Timeout:1 = 5
                """);
        String file = directory.resolve("users").toString();
        assertThat(errors).extracting(ConfigError::file).allMatch(f -> f.endsWith("users") || f.endsWith("missing"));
        assertThat(errors).extracting(ConfigError::line).containsExactly(1, 4, 7, 9, 11, 12, 13, 14, 14, 14, 15,
                16, 17, 17);
        assertThat(errors.get(0).message()).isEqualTo("unknown attribute Foo-Bar");
        assertThat(errors.get(1).message()).contains("reply item Session-Timeout of bad2",
                "\"abc\" is not an integer or a VALUE name for Session-Timeout");
        assertThat(errors.get(2).message()).contains("the reply line before it needs a comma at its end");
        assertThat(errors.get(3).message()).contains("end with a comma but no reply line follows");
        assertThat(errors.get(4).message()).contains("check items end with a comma");
        assertThat(errors.get(5).message()).contains("unknown attribute Nope");
        assertThat(errors.get(6).message()).contains("expected a comma or the end of the line after the check item");
        assertThat(errors.get(7).message()).contains("NAS-Port-Type", "Foo");
        assertThat(errors.get(8).message()).contains("1.2.3.256");
        assertThat(errors.get(9).message()).contains("is not a date");
        assertThat(errors.get(10).message()).contains("is not closed");
        assertThat(errors.get(11).message()).isEqualTo("cannot read " + directory.resolve("missing") + ": no such file");
        assertThat(errors.get(12).message()).contains("a tag is 0 to 31");
        assertThat(errors.get(13).message()).contains("Session-Timeout takes no tag");
        assertThat(errors.get(0).toString()).isEqualTo(file + "[1]: unknown attribute Foo-Bar");
    }

    @Test
    void anIncludeLoopIsAnError() throws Exception {
        Files.writeString(directory.resolve("other"), "$INCLUDE users\n");
        assertThat(errors("$INCLUDE other\n")).extracting(ConfigError::message)
                .anyMatch(message -> message.contains("includes itself"));
    }

    @Test
    void aFileThatIsNotUtf8IsAnError() throws Exception {
        Path file = directory.resolve("users");
        Files.write(file, new byte[] {'a', '\n', 'b', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> UsersFileReader.read(file, DICTIONARY)).isInstanceOf(ConfigException.class)
                .hasMessage(file + "[2]: the line is not UTF-8 text");
    }
}
