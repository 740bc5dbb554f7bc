package org.pirog.radius.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.dictionary.Encryption;

/**
 * A value with FreeRADIUS-style expansions, parsed once when the item is loaded and expanded per request:
 * <ul>
 *   <li>{@code %{User-Name}}, {@code %{request:Attr}}: the first request attribute of that name as text, empty
 *       when absent (Packet-Src-IP-Address and Client-IP-Address are where the request came from,
 *       Packet-Type its code);</li>
 *   <li>{@code %{reply:Attr}}, {@code %{control:Attr}} (also {@code config:}): the first item of the reply or
 *       control list built so far;</li>
 *   <li>{@code %{Attr:-text}} and {@code %{%{A}:-%{B}}}: the first one if it is not empty, else the text after
 *       {@code :-}, which may hold expansions itself;</li>
 *   <li>{@code %%}: a literal percent sign; {@code %Y %m %d %H} (year, month, day, hour of the request, two
 *       digits but the year), {@code %D} ({@code YYYYMMDD}), {@code %l} (seconds since 1970), {@code %t}
 *       ({@code ctime} form).</li>
 * </ul>
 * Anything else (xlat functions such as {@code %{md5:…}}, attribute indexes other than {@code [0]}, unknown names,
 * a {@code %} before any other character) is an error when the item is loaded, as is an expansion of a hidden
 * attribute such as User-Password. Immutable and thread-safe.
 */
public final class Expansion {
    private final String template;
    private final List<ExpansionPart> parts;

    private Expansion(String template, List<ExpansionPart> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
    }

    /** Parses {@code template}, resolving attribute names in {@code dictionary}. */
    public static Expansion parse(String template, Dictionary dictionary) throws PolicyException {
        Parser parser = new Parser(template, dictionary);
        List<ExpansionPart> parts = parser.sequence(false);
        return new Expansion(template, parts);
    }

    /** Whether the value has no expansion: its text is the same for every request. */
    public boolean isLiteral() {
        for (ExpansionPart part : parts) {
            if (!(part instanceof ExpansionPart.Literal)) {
                return false;
            }
        }
        return true;
    }

    /** The text of a {@link #isLiteral literal} value. */
    public String literal() {
        if (!isLiteral()) {
            throw new IllegalStateException(template + " holds expansions");
        }
        StringBuilder out = new StringBuilder(template.length());
        for (ExpansionPart part : parts) {
            out.append(((ExpansionPart.Literal) part).text());
        }
        return out.toString();
    }

    /** The value for this request. */
    public String expand(PolicyContext context) {
        if (parts.size() == 1 && parts.get(0) instanceof ExpansionPart.Literal literal) {
            return literal.text();
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        for (ExpansionPart part : parts) {
            part.append(context, out);
        }
        return out.toString();
    }

    /** The template as written. */
    public String template() {
        return template;
    }

    /** The template for a literal text: every {@code %} doubled, so that it expands to exactly {@code text}. */
    public static String escape(String text) {
        return text.indexOf('%') < 0 ? text : text.replace("%", "%%");
    }

    /**
     * The text of a template that holds no reference ({@code %%} becomes {@code %}), as a value that was already
     * expanded and {@link #escape escaped} reads back.
     */
    public static String unescape(String template) {
        return template.indexOf("%%") < 0 ? template : template.replace("%%", "%");
    }

    /**
     * The items with their values as plain text ({@link #unescape}d): what a backend hands the server in an
     * {@link org.pirog.radius.core.backend.Authorization} once it has expanded them for a request. Returns the
     * list itself when no value holds a percent sign, which is nearly always.
     */
    public static java.util.List<PolicyItem> plain(java.util.List<PolicyItem> items) {
        boolean any = false;
        for (int i = 0, n = items.size(); i < n && !any; i++) {
            any = items.get(i).value().indexOf('%') >= 0;
        }
        if (!any) {
            return items;
        }
        java.util.List<PolicyItem> plain = new java.util.ArrayList<>(items.size());
        for (PolicyItem item : items) {
            String value = unescape(item.value());
            plain.add(value.equals(item.value()) ? item : item.withValue(value));
        }
        return plain;
    }

    @Override
    public String toString() {
        return template;
    }

    /** Recursive descent over the template; {@code position} moves forward as it reads. */
    private static final class Parser {
        private final String text;
        private final Dictionary dictionary;
        private int position;

        Parser(String text, Dictionary dictionary) {
            this.text = text;
            this.dictionary = dictionary;
        }

        /** Parts up to the end, or (nested) up to the closing brace, which it consumes. */
        List<ExpansionPart> sequence(boolean nested) throws PolicyException {
            List<ExpansionPart> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position);
                if (nested && c == '}') {
                    position++;
                    flush(literal, parts);
                    return parts;
                }
                if (c != '%') {
                    literal.append(c);
                    position++;
                    continue;
                }
                if (position + 1 >= text.length()) {
                    throw error("a lone % at the end; write %% for a percent sign");
                }
                char next = text.charAt(position + 1);
                position += 2;
                if (next == '%') {
                    literal.append('%');
                } else if (next == '{') {
                    flush(literal, parts);
                    parts.add(braced());
                } else if ("YmdHDlt".indexOf(next) >= 0) {
                    flush(literal, parts);
                    parts.add(new ExpansionPart.Time(next));
                } else {
                    throw error("\"%" + next + "\" is not an expansion Pirog knows; write %% for a percent sign");
                }
            }
            if (nested) {
                throw error("%{ is not closed by }");
            }
            flush(literal, parts);
            return parts;
        }

        /** After {@code %{}: a reference or a nested expansion, optionally followed by {@code :-default}. */
        private ExpansionPart braced() throws PolicyException {
            ExpansionPart primary;
            if (text.startsWith("%{", position)) {
                position += 2;
                primary = braced();
            } else {
                primary = reference();
            }
            if (text.startsWith(":-", position)) {
                position += 2;
                return new ExpansionPart.Alternative(primary, sequence(true));
            }
            if (position < text.length() && text.charAt(position) == '}') {
                position++;
                return primary;
            }
            throw error(position >= text.length() ? "%{ is not closed by }"
                    : "expected } or :- after " + text.substring(0, position));
        }

        /** {@code [list:]Attribute[0]}, leaving the position at the {@code }} or {@code :-} after it. */
        private ExpansionPart reference() throws PolicyException {
            int start = position;
            while (position < text.length() && text.charAt(position) != '}'
                    && !text.startsWith(":-", position) && text.charAt(position) != ':') {
                position++;
            }
            String first = text.substring(start, position);
            ExpansionPart.ListName list = ExpansionPart.ListName.REQUEST;
            if (position < text.length() && text.charAt(position) == ':' && !text.startsWith(":-", position)) {
                list = listNamed(first);
                position++;
                start = position;
                while (position < text.length() && text.charAt(position) != '}'
                        && !text.startsWith(":-", position)) {
                    position++;
                }
            }
            if (position >= text.length()) {
                throw error("%{ is not closed by }");
            }
            String name = text.substring(start, position).strip();
            if (name.endsWith("[0]")) {
                name = name.substring(0, name.length() - 3);
            }
            if (name.isEmpty()) {
                throw error("%{} names no attribute");
            }
            if (name.indexOf('[') >= 0) {
                throw error("%{" + name + "}: Pirog expands the first instance only ([0])");
            }
            AttributeDefinition attribute = dictionary.attribute(name);
            if (attribute == null) {
                throw error("%{" + name + "}: unknown attribute " + name);
            }
            if (attribute.encryption() != Encryption.NONE) {
                throw error("%{" + name + "}: Pirog does not expand hidden attributes");
            }
            return new ExpansionPart.Reference(list, attribute);
        }

        private ExpansionPart.ListName listNamed(String name) throws PolicyException {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "request" -> ExpansionPart.ListName.REQUEST;
                case "reply" -> ExpansionPart.ListName.REPLY;
                case "control", "config" -> ExpansionPart.ListName.CONTROL;
                default -> throw error("%{" + name + ":…}: unknown list or function " + name
                        + "; Pirog expands request:, reply: and control: attributes");
            };
        }

        private static void flush(StringBuilder literal, List<ExpansionPart> parts) {
            if (!literal.isEmpty()) {
                parts.add(new ExpansionPart.Literal(literal.toString()));
                literal.setLength(0);
            }
        }

        private PolicyException error(String message) {
            return new PolicyException("in \"" + text + "\": " + message);
        }
    }
}
