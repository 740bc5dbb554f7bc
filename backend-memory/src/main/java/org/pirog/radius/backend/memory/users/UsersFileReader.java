package org.pirog.radius.backend.memory.users;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.core.config.ConfigError;
import org.pirog.radius.core.config.ConfigException;
import org.pirog.radius.core.policy.CheckItem;
import org.pirog.radius.core.policy.Expansion;
import org.pirog.radius.core.policy.InternalAttributes;
import org.pirog.radius.core.policy.Operator;
import org.pirog.radius.core.policy.PolicyException;
import org.pirog.radius.core.policy.PolicyItem;
import org.pirog.radius.core.policy.PolicyRule;
import org.pirog.radius.core.policy.ReplyItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a FreeRADIUS {@code users} file (rlm_files format) and the files it {@code $INCLUDE}s, relative to the
 * including file. An entry is a line starting in the first column with the user's name (or {@code DEFAULT}) and
 * its check items, separated by commas, followed by indented lines of reply items; a reply line that ends with a
 * comma continues on the next indented line, one that does not ends the entry.
 *
 * <p>As rlm_files does, a {@code =} check item on an attribute a request can carry is read as {@code ==} (with a
 * warning). A value in double quotes that holds {@code %{} is expanded per request; any other value is literal.
 * Every error of every file is collected, with its file and line, into one {@link ConfigException}: unknown
 * attributes, values their type cannot hold, broken expansions, misplaced commas, unreadable includes.
 */
public final class UsersFileReader {
    private static final Logger LOG = LoggerFactory.getLogger(UsersFileReader.class);
    private static final int MAX_INCLUDE_DEPTH = 32;
    private static final int USER_PASSWORD = 2;
    private static final int FALL_THROUGH = 500;

    private final Dictionary dictionary;
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<UsersEntry> entries = new ArrayList<>();
    private final Set<Path> including = new HashSet<>();

    private UsersFileReader(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Reads {@code file}; every problem found is in the exception. */
    public static UsersFile read(Path file, Dictionary dictionary) throws ConfigException {
        UsersFileReader reader = new UsersFileReader(dictionary);
        reader.readFile(file, null, 0, 0);
        if (!reader.errors.isEmpty()) {
            throw new ConfigException(reader.errors);
        }
        return new UsersFile(reader.entries);
    }

    /**
     * Reads one file into {@link #entries}.
     *
     * @param includer the file whose {@code $INCLUDE} names this one, or null for the top file
     * @param line     the line of that {@code $INCLUDE}
     */
    private void readFile(Path file, @Nullable String includer, int line, int depth) {
        String shownName = file.toString();
        Path key = file.toAbsolutePath().normalize();
        if (depth > MAX_INCLUDE_DEPTH || !including.add(key)) {
            errors.add(includer == null ? new ConfigError(shownName, 0, "includes itself")
                    : new ConfigError(includer, line, shownName + " includes itself"));
            return;
        }
        try {
            List<String> lines = lines(file, shownName);
            if (lines != null) {
                new FileState(file, shownName, lines, depth).read();
            }
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
            String message = "cannot read " + shownName + ": " + reason;
            errors.add(includer == null ? new ConfigError(shownName, 0, message)
                    : new ConfigError(includer, line, message));
        } finally {
            including.remove(key);
        }
    }

    /** The file's lines, decoded as UTF-8; null after reporting a line that is not. */
    private @Nullable List<String> lines(Path file, String shownName) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && start == i) {
                    break;
                }
                try {
                    lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, i - start)).toString());
                } catch (CharacterCodingException e) {
                    errors.add(new ConfigError(shownName, lines.size() + 1, "the line is not UTF-8 text"));
                    return null;
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** Reading one file: where an entry started and whether a reply line is expected next. */
    private final class FileState {
        private final Path file;
        private final String name;
        private final List<String> lines;
        private final int depth;
        private @Nullable String entryName;
        private int entryLine;
        private boolean entryBroken;
        private List<CheckItem> check = new ArrayList<>();
        private List<ReplyItem> reply = new ArrayList<>();
        /** An entry's first line was read and its reply lines may follow. */
        private boolean replyMayFollow;
        /** A reply line of the current entry was read. */
        private boolean replyStarted;
        /** The line number of the last reply line when it ended with a comma (another must follow), else 0. */
        private int continuedFrom;

        FileState(Path file, String name, List<String> lines, int depth) {
            this.file = file;
            this.name = name;
            this.lines = lines;
            this.depth = depth;
        }

        void read() {
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;
                String text = lines.get(i);
                UsersLine line = new UsersLine(text);
                if (line.atEnd()) {
                    continue;
                }
                boolean indented = text.charAt(0) == ' ' || text.charAt(0) == '\t';
                try {
                    if (indented) {
                        replyLine(line, number);
                    } else {
                        topLevelLine(line, text, number);
                    }
                } catch (UsersSyntaxException e) {
                    error(number, e.getMessage());
                    entryBroken = true;
                    if (indented) {
                        // Guess whether the broken line meant to go on, so that the next lines are read as they
                        // were meant and their own errors reported too.
                        String bare = text.indexOf('#') >= 0 ? text.substring(0, text.indexOf('#')) : text;
                        continuedFrom = bare.strip().endsWith(",") ? number : 0;
                        replyStarted = true;
                    }
                }
            }
            if (continuedFrom > 0) {
                error(continuedFrom, "the reply items end with a comma but no reply line follows; delete it");
            }
            finishEntry();
        }

        private void topLevelLine(UsersLine line, String text, int number) throws UsersSyntaxException {
            if (continuedFrom > 0) {
                error(continuedFrom, "the reply items end with a comma but no reply line follows; delete it");
                continuedFrom = 0;
            }
            finishEntry();
            if (text.startsWith("$INCLUDE")) {
                line.name();
                String included = line.fileName();
                Path target = file.resolveSibling(included);
                if (Path.of(included).isAbsolute()) {
                    target = Path.of(included);
                }
                readFile(target, name, number, depth + 1);
                return;
            }
            if (text.startsWith("$")) {
                throw new UsersSyntaxException("unknown directive " + line.name() + "; a users file knows $INCLUDE");
            }
            entryName = line.name();
            entryLine = number;
            entryBroken = false;
            check = new ArrayList<>();
            reply = new ArrayList<>();
            replyMayFollow = true;
            if (entryName.isEmpty()) {
                entryBroken = true;
                throw new UsersSyntaxException("an entry needs a user name");
            }
            while (!line.atEnd()) {
                RawItem raw = line.item();
                PolicyItem item = policyItem(raw, number);
                if (item != null) {
                    checkItem(item, number);
                }
                if (!line.comma()) {
                    if (!line.atEnd()) {
                        entryBroken = true;
                        throw new UsersSyntaxException("expected a comma or the end of the line after the check item "
                                + raw.attribute() + ", at \"" + line.rest() + "\"");
                    }
                } else if (line.atEnd()) {
                    entryBroken = true;
                    throw new UsersSyntaxException("the check items end with a comma: they must all be on the "
                            + "entry's first line");
                }
            }
        }

        private void replyLine(UsersLine line, int number) throws UsersSyntaxException {
            if (!replyMayFollow || (replyStarted && continuedFrom == 0)) {
                throw new UsersSyntaxException("an indented line that is no reply line of an entry: the reply line"
                        + " before it needs a comma at its end, or the entry's name must start in the first column");
            }
            replyStarted = true;
            continuedFrom = 0;
            while (!line.atEnd()) {
                RawItem raw = line.item();
                PolicyItem item = policyItem(raw, number);
                if (item != null) {
                    replyItem(item, number);
                }
                if (!line.comma()) {
                    if (!line.atEnd()) {
                        throw new UsersSyntaxException("expected a comma or the end of the line after the reply item "
                                + raw.attribute() + ", at \"" + line.rest() + "\"");
                    }
                    return;
                }
                if (line.atEnd()) {
                    continuedFrom = number;
                    return;
                }
            }
        }

        private @Nullable PolicyItem policyItem(RawItem raw, int number) {
            AttributeDefinition attribute = dictionary.attribute(raw.attribute());
            if (attribute == null) {
                error(number, "unknown attribute " + raw.attribute());
                entryBroken = true;
                return null;
            }
            if (raw.tag() >= 0 && (!attribute.hasTag() || raw.tag() > 31)) {
                error(number, attribute.hasTag() ? raw.attribute() + ": a tag is 0 to 31"
                        : raw.attribute() + " takes no tag");
                entryBroken = true;
                return null;
            }
            Operator operator = Operator.fromToken(raw.operator());
            String value = raw.quoting() == RawItem.Quoting.DOUBLE && raw.value().contains("%{")
                    ? raw.value() : Expansion.escape(raw.value());
            return new PolicyItem(attribute, raw.tag() < 0 ? PolicyItem.NO_TAG : raw.tag(),
                    operator == null ? Operator.EQUAL : operator, value);
        }

        private void checkItem(PolicyItem item, int number) {
            AttributeDefinition attribute = item.attribute();
            if (item.operator() == Operator.SET && !InternalAttributes.isInternal(attribute)
                    && !isUserPassword(attribute)) {
                // rlm_files: "Changing 'X =' to 'X ==' for comparing RADIUS attribute in check item list".
                LOG.warn("{}[{}]: changing '{} =' to '{} ==' for comparing a RADIUS attribute in the check items"
                        + " of {}", name, number, attribute.name(), attribute.name(), entryName);
                item = item.withOperator(Operator.EQUAL);
            }
            try {
                CheckItem compiled = CheckItem.compile(item, dictionary);
                if (!compiled.canMatch()) {
                    LOG.warn("{}[{}]: {} compares {} with the request, where a server attribute never is: entry {}"
                            + " never matches (FreeRADIUS does the same); to set it, write :=", name, number,
                            item, attribute.name(), entryName);
                }
                check.add(compiled);
            } catch (PolicyException e) {
                error(number, "check item " + attribute.name() + " of " + entryName + ": " + e.getMessage());
                entryBroken = true;
            }
        }

        private void replyItem(PolicyItem item, int number) {
            AttributeDefinition attribute = item.attribute();
            if (InternalAttributes.isInternal(attribute) && attribute.number() != FALL_THROUGH) {
                LOG.warn("{}[{}]: {} is a check item, found in the reply items of {}; it belongs on the entry's"
                        + " first line", name, number, attribute.name(), entryName);
            }
            try {
                reply.add(ReplyItem.compile(item, dictionary));
            } catch (PolicyException e) {
                error(number, "reply item " + attribute.name() + " of " + entryName + ": " + e.getMessage());
                entryBroken = true;
            }
        }

        private void finishEntry() {
            if (entryName != null && !entryBroken) {
                entries.add(new UsersEntry(entryName, new PolicyRule(entryName, check, reply), name, entryLine,
                        entries.size()));
            }
            entryName = null;
            replyMayFollow = false;
            replyStarted = false;
        }

        private void error(int line, String message) {
            errors.add(new ConfigError(name, line, message));
        }
    }

    private static boolean isUserPassword(AttributeDefinition attribute) {
        return attribute.vendorId() == 0 && attribute.parent() == null && attribute.number() == USER_PASSWORD;
    }
}
