package org.pirog.radius.backend.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pirog.radius.core.backend.ContractFixture;
import org.pirog.radius.core.config.ConfigItem;
import org.pirog.radius.core.config.ConfigSection;

/** Writes a {@link ContractFixture} as a users file and a {@code backend memory} section. */
final class MemoryFixtures {
    static final String SETTINGS_FILE = "pirog.conf";

    private MemoryFixtures() {
    }

    /** The users file for the fixture's accounts. */
    static String usersFile(ContractFixture fixture) {
        StringBuilder text = new StringBuilder("# written from ContractFixture\n");
        for (ContractFixture.Account account : fixture.accounts()) {
            text.append(account.name()).append("\tCleartext-Password := ").append(quoted(account.password()));
            if (account.pool() != null) {
                text.append(", Pool-Name := ").append(quoted(account.pool()));
            }
            if (account.simultaneousUse() > 0) {
                text.append(", Simultaneous-Use := ").append(account.simultaneousUse());
            }
            text.append('\n');
            List<String> reply = new ArrayList<>();
            for (ContractFixture.Reply item : account.reply()) {
                reply.add(item.attribute() + " = " + quoted(item.value()));
            }
            if (account.fixedIp() != null) {
                reply.add("Framed-IP-Address = " + account.fixedIp());
            }
            for (int i = 0; i < reply.size(); i++) {
                text.append('\t').append(reply.get(i)).append(i < reply.size() - 1 ? ",\n" : "\n");
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The {@code backend memory} section: the users file in {@code directory} and the fixture's pools. */
    static ConfigSection settings(ContractFixture fixture, List<ConfigItem> extra) {
        List<ConfigItem> items = new ArrayList<>(extra);
        List<ConfigSection> pools = new ArrayList<>();
        int line = 10;
        for (ContractFixture.Pool pool : fixture.pools()) {
            List<ConfigItem> ranges = new ArrayList<>();
            for (String range : pool.ranges()) {
                ranges.add(item("range", range, ++line));
            }
            pools.add(new ConfigSection("pool", pool.name(), ranges, List.of(), SETTINGS_FILE, line));
        }
        return new ConfigSection("backend", "memory", items, pools, SETTINGS_FILE, 1);
    }

    static ConfigItem item(String name, String value, int line) {
        return new ConfigItem(name, value, false, SETTINGS_FILE, line);
    }

    static Path write(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
