package org.pirog.radius.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads FreeRADIUS-syntax configuration files ({@code clients.conf}, Pirog's {@code pirog.conf}): {@code name = value}
 * items, {@code name [label] { … }} sections, {@code #} comments, double- and single-quoted values with escapes,
 * {@code $INCLUDE} / {@code $-INCLUDE} (relative to the including file, or a directory of files), and
 * {@code ${name}} references to earlier top-level items ({@code ${confdir}} is predefined).
 *
 * <p>Every error is collected with its file and line; {@link #parse(Path)} throws them all at once.
 */
public final class ConfigParser {
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final Map<String, String> variables = new HashMap<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private final Deque<Builder> open = new ArrayDeque<>();
    private int includeDepth;

    private ConfigParser(Path configDirectory) {
        variables.put("confdir", configDirectory.toString());
        variables.put("raddbdir", configDirectory.toString());
    }

    /** Parses {@code file} (and what it includes) into a section named after the file. */
    public static ConfigSection parse(Path file) throws ConfigException {
        Path directory = file.toAbsolutePath().getParent();
        return parse(file, directory == null ? Path.of(".") : directory);
    }

    /** Parses {@code file}, with {@code ${confdir}} set to {@code configDirectory}. */
    public static ConfigSection parse(Path file, Path configDirectory) throws ConfigException {
        ConfigParser parser = new ConfigParser(configDirectory);
        Builder root = new Builder(file.getFileName().toString(), null, file.toString(), 0);
        parser.open.push(root);
        parser.readFile(file, file.toString(), 0);
        while (parser.open.size() > 1) {
            Builder unclosed = parser.open.pop();
            parser.errors.add(new ConfigError(unclosed.file, unclosed.line,
                    "section \"" + unclosed.name + "\" is never closed: expected '}'"));
        }
        if (!parser.errors.isEmpty()) {
            throw new ConfigException(parser.errors);
        }
        return root.build();
    }

    private void readFile(Path file, String shownName, int includedFromLine) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            errors.add(new ConfigError(shownName, 0, "no such file"));
            return;
        } catch (IOException e) {
            errors.add(new ConfigError(shownName, 0, "cannot read: " + e.getMessage()));
            return;
        }
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            readLine(file, shownName, n + 1, lines[n]);
        }
    }

    private void readLine(Path file, String shownName, int lineNumber, String line) {
        List<ConfigToken> tokens;
        try {
            tokens = ConfigToken.split(line);
        } catch (ConfigToken.SyntaxError e) {
            errors.add(new ConfigError(shownName, lineNumber, e.getMessage()));
            return;
        }
        if (tokens.isEmpty()) {
            return;
        }
        statement(file, shownName, lineNumber, tokens);
    }

    private void statement(Path file, String shownName, int lineNumber, List<ConfigToken> tokens) {
        ConfigToken first = tokens.get(0);
        if (first.isWord("}")) {
            closeSection(shownName, lineNumber, tokens);
            return;
        }
        if (!first.quoted() && (first.text().equals("$INCLUDE") || first.text().equals("$-INCLUDE"))) {
            include(file, shownName, lineNumber, tokens, first.text().equals("$-INCLUDE"));
            return;
        }
        ConfigToken last = tokens.get(tokens.size() - 1);
        if (last.isWord("{")) {
            openSection(shownName, lineNumber, tokens);
            return;
        }
        item(shownName, lineNumber, tokens);
    }

    private void item(String shownName, int lineNumber, List<ConfigToken> tokens) {
        ConfigToken name = tokens.get(0);
        if (name.quoted()) {
            errors.add(new ConfigError(shownName, lineNumber, "expected an item name, found a quoted string"));
            return;
        }
        String value;
        boolean quoted;
        if (tokens.size() == 1) {
            value = "";
            quoted = false;
        } else if (tokens.size() == 3 && tokens.get(1).isWord("=")) {
            value = tokens.get(2).quoted() && tokens.get(2).quote() == '\'' ? tokens.get(2).text()
                    : resolve(tokens.get(2).text(), shownName, lineNumber);
            quoted = tokens.get(2).quoted();
        } else {
            errors.add(new ConfigError(shownName, lineNumber,
                    "expected \"" + name.text() + " = value\", or a section \"" + name.text() + " {\""));
            return;
        }
        ConfigItem item = new ConfigItem(name.text(), value, quoted, shownName, lineNumber);
        open.peek().items.add(item);
        if (open.size() == 1) {
            variables.put(name.text(), value);
        }
    }

    private void openSection(String shownName, int lineNumber, List<ConfigToken> tokens) {
        if (tokens.size() > 3 || tokens.get(0).quoted()) {
            errors.add(new ConfigError(shownName, lineNumber, "expected \"name {\" or \"name label {\""));
        }
        String label = tokens.size() == 3 ? tokens.get(1).text() : null;
        open.push(new Builder(tokens.get(0).text(), label, shownName, lineNumber));
    }

    private void closeSection(String shownName, int lineNumber, List<ConfigToken> tokens) {
        if (tokens.size() > 1) {
            errors.add(new ConfigError(shownName, lineNumber, "unexpected text after '}'"));
        }
        if (open.size() == 1) {
            errors.add(new ConfigError(shownName, lineNumber, "'}' closes no section"));
            return;
        }
        Builder closed = open.pop();
        open.peek().sections.add(closed.build());
    }

    private void include(Path file, String shownName, int lineNumber, List<ConfigToken> tokens, boolean optional) {
        if (tokens.size() != 2) {
            errors.add(new ConfigError(shownName, lineNumber, "expected \"$INCLUDE path\""));
            return;
        }
        if (includeDepth >= MAX_INCLUDE_DEPTH) {
            errors.add(new ConfigError(shownName, lineNumber, "includes nest deeper than " + MAX_INCLUDE_DEPTH));
            return;
        }
        String target = resolve(tokens.get(1).text(), shownName, lineNumber);
        Path base = file.toAbsolutePath().getParent();
        Path path = base == null ? Path.of(target) : base.resolve(target);
        if (Files.isDirectory(path)) {
            includeDirectory(path, lineNumber);
            return;
        }
        if (optional && !Files.exists(path)) {
            return;
        }
        includeDepth++;
        readFile(path, target, lineNumber);
        includeDepth--;
    }

    private void includeDirectory(Path directory, int lineNumber) {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(directory)) {
            // FreeRADIUS skips editor backups and hidden files in an included directory.
            stream.filter(p -> Files.isRegularFile(p) && !hiddenOrBackup(p.getFileName().toString()))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            errors.add(new ConfigError(directory.toString(), lineNumber, "cannot list: " + e.getMessage()));
            return;
        }
        includeDepth++;
        for (Path file : files) {
            readFile(file, file.toString(), lineNumber);
        }
        includeDepth--;
    }

    private static boolean hiddenOrBackup(String name) {
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".bak") || name.endsWith(".orig");
    }

    private String resolve(String value, String shownName, int lineNumber) {
        if (value.indexOf("${") < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 32);
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                errors.add(new ConfigError(shownName, lineNumber, "unterminated reference \"${\" in " + value));
                return value;
            }
            out.append(value, i, start);
            String name = value.substring(start + 2, end);
            String replacement = variable(name);
            if (replacement == null) {
                errors.add(new ConfigError(shownName, lineNumber, "reference to undefined item \"${" + name + "}\""));
                return value;
            }
            out.append(replacement);
            i = end + 1;
        }
        return out.toString();
    }

    private @Nullable String variable(String name) {
        // FreeRADIUS writes ${..name} for "an item of the enclosing section"; at the top level both mean the same.
        String plain = name.startsWith("..") ? name.substring(2) : name;
        return variables.get(plain);
    }

    private static final class Builder {
        final String name;
        final @Nullable String label;
        final String file;
        final int line;
        final List<ConfigItem> items = new ArrayList<>();
        final List<ConfigSection> sections = new ArrayList<>();

        Builder(String name, @Nullable String label, String file, int line) {
            this.name = name;
            this.label = label;
            this.file = file;
            this.line = line;
        }

        ConfigSection build() {
            return new ConfigSection(name, label, items, sections, file, line);
        }
    }
}
