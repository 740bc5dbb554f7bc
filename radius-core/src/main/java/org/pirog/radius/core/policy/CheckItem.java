package org.pirog.radius.core.policy;

import java.time.ZoneId;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * A check item ready to compare with requests, with FreeRADIUS 3.2's semantics (each checked against the running
 * server):
 * <ul>
 *   <li>{@code :=} and {@code +=} only assign: the item goes to the control list and is never compared.</li>
 *   <li>A comparison ({@code == != > >= < <= =~ !~}) compares the request's instances of the attribute with the
 *       value; it matches when any instance does. An absent attribute never matches, not even {@code !=};
 *       {@code =*} matches when the attribute is present, {@code !*} when it is absent. Numbers, dates and IPv4
 *       addresses compare numerically, other values octet by octet (see {@code ParsedValue}), except IP prefixes:
 *       they compare by containment, {@code Framed-IPv6-Prefix < "2001:db8::/32"} matching a request's longer
 *       prefix inside 2001:db8::/32 and {@code >} a shorter one around it, {@code !=} any prefix of another length
 *       but no other of the same length (see {@code PrefixContainment}). An address attribute's value is one
 *       address, never a network ({@code Framed-IP-Address < "192.0.2.0/24"} is refused, as FreeRADIUS refuses
 *       it). Regular expressions see the value as text (see {@link AttributeText}) and are case-sensitive.</li>
 *   <li>{@code =} compares like {@code ==} and also assigns. (A {@code users} file rewrites {@code =} on a wire
 *       attribute to {@code ==}, as rlm_files does; its reader does that, not this class.)</li>
 *   <li>Server-internal attributes are never in a request, so a comparison with them fails (only {@code !*}
 *       matches), e.g. {@code Pool-Name == "x"} or {@code Simultaneous-Use = 1}: FreeRADIUS compares them with
 *       the request too, not with the control list. Exceptions: Auth-Type, Autz-Type, Acct-Type, Session-Type,
 *       Crypt-Password and Strip-User-Name are never compared, whatever the operator
 *       ({@link InternalAttributes#isNeverCompared}); and the attributes FreeRADIUS computes for a comparison
 *       are computed here: {@code Expiration} (equal while now is not past the date), {@code Current-Time} (equal
 *       while now is inside the Login-Time-style ranges), {@code Packet-Type}, {@code Client-IP-Address} and
 *       {@code Packet-Src-IP-Address}.</li>
 *   <li>A {@code User-Password} check item names the known-good password: it becomes
 *       {@code Cleartext-Password :=}, as Pirog's dictionary documents. (FreeRADIUS 3.2 compares it with the
 *       request's password, or ignores it in the control list; either way it never lets the user in.)</li>
 * </ul>
 * A value with {@code %{…}} is expanded per request before it is compared. Immutable and thread-safe.
 */
public final class CheckItem {
    private static final int USER_PASSWORD = 2;
    private static final int EXPIRATION = 1010;
    private static final int LOGIN_TIME = 1042;
    private static final int CURRENT_TIME = 1044;
    private static final int PACKET_TYPE = 1047;
    private static final int CLIENT_IP_ADDRESS = 1052;
    private static final int PACKET_SRC_IP_ADDRESS = 1084;

    /** Where the compared value comes from. */
    private enum Source { NONE, REQUEST, ABSENT, EXPIRATION, CURRENT_TIME, PACKET_TYPE, CLIENT_ADDRESS }

    private final PolicyItem item;
    private final Source source;
    private final boolean assigns;
    private final Expansion value;
    private final @Nullable ParsedValue parsed;
    private final @Nullable Pattern pattern;
    private final @Nullable LoginTime ranges;

    private CheckItem(PolicyItem item, Source source, boolean assigns, Expansion value,
            @Nullable ParsedValue parsed, @Nullable Pattern pattern, @Nullable LoginTime ranges) {
        this.item = item;
        this.source = source;
        this.assigns = assigns;
        this.value = value;
        this.parsed = parsed;
        this.pattern = pattern;
        this.ranges = ranges;
    }

    /**
     * Prepares {@code item}: parses its expansions and, when it has none, its value (for the attribute's type, a
     * regular expression, or Login-Time-style ranges for Current-Time).
     */
    public static CheckItem compile(PolicyItem item, Dictionary dictionary) throws PolicyException {
        PolicyItem effective = knownGoodPassword(item, dictionary);
        Operator operator = effective.operator();
        AttributeDefinition attribute = effective.attribute();
        Expansion value = Expansion.parse(effective.value(), dictionary);
        boolean assigns = operator.isAssignment();
        Source source = sourceOf(effective);
        ParsedValue parsed = null;
        Pattern pattern = null;
        LoginTime ranges = null;
        if (source == Source.NONE || !value.isLiteral() || operator == Operator.PRESENT
                || operator == Operator.NOT_PRESENT) {
            if (value.isLiteral() && assigns) {
                ParsedValue.validate(attribute, value.literal());
                if (InternalAttributes.isInternal(attribute) && attribute.number() == LOGIN_TIME) {
                    LoginTime.parse(value.literal());
                }
            }
        } else if (operator == Operator.REGEX_MATCH || operator == Operator.REGEX_NOT_MATCH) {
            pattern = PosixRegex.compile(value.literal());
        } else if (source == Source.CURRENT_TIME) {
            ranges = LoginTime.parse(value.literal());
        } else {
            parsed = ParsedValue.parse(attribute, value.literal(), ZoneId.systemDefault());
        }
        return new CheckItem(effective, source, assigns, value, parsed, pattern, ranges);
    }

    private static PolicyItem knownGoodPassword(PolicyItem item, Dictionary dictionary) {
        AttributeDefinition attribute = item.attribute();
        boolean userPassword = attribute.vendorId() == 0 && attribute.parent() == null
                && attribute.number() == USER_PASSWORD;
        Operator operator = item.operator();
        if (!userPassword || operator == Operator.PRESENT || operator == Operator.NOT_PRESENT
                || operator == Operator.REGEX_MATCH || operator == Operator.REGEX_NOT_MATCH) {
            return item;
        }
        AttributeDefinition cleartext = dictionary.attribute("Cleartext-Password");
        return cleartext == null ? item : PolicyItem.of(cleartext, Operator.ASSIGN, item.value());
    }

    private static Source sourceOf(PolicyItem item) {
        Operator operator = item.operator();
        AttributeDefinition attribute = item.attribute();
        if (operator == Operator.ASSIGN || operator == Operator.ADD || InternalAttributes.isNeverCompared(attribute)) {
            return Source.NONE;
        }
        if (!InternalAttributes.isInternal(attribute)) {
            return Source.REQUEST;
        }
        return switch (attribute.number()) {
            case EXPIRATION -> Source.EXPIRATION;
            case CURRENT_TIME -> Source.CURRENT_TIME;
            case PACKET_TYPE -> Source.PACKET_TYPE;
            case CLIENT_IP_ADDRESS, PACKET_SRC_IP_ADDRESS -> Source.CLIENT_ADDRESS;
            default -> Source.ABSENT;
        };
    }

    /** The item (a User-Password check item reads as Cleartext-Password). */
    public PolicyItem item() {
        return item;
    }

    /** Whether the item takes part in matching. */
    public boolean compares() {
        return source != Source.NONE;
    }

    /**
     * Whether any request can satisfy the item: false for a comparison with a server attribute that is never in a
     * request ({@code Simultaneous-Use = 1}, {@code Pool-Name == "x"}), which makes its entry match nothing.
     */
    public boolean canMatch() {
        return source != Source.ABSENT || item.operator() == Operator.NOT_PRESENT;
    }

    /** Whether the item goes to the control list when its entry matches. */
    public boolean assigns() {
        return assigns;
    }

    /** Whether the request satisfies this item; true for an item that does not compare. */
    public boolean matches(PolicyContext context) {
        Operator operator = item.operator();
        return switch (source) {
            case NONE -> true;
            case ABSENT -> operator == Operator.NOT_PRESENT;
            case REQUEST -> matchesRequest(context, operator);
            default -> matchesComputed(context, operator);
        };
    }

    /** Whether the value holds no expansion: the item is the same for every request. */
    public boolean isLiteral() {
        return value.isLiteral();
    }

    /** The item with its value expanded for this request, for the control list. */
    public PolicyItem expanded(PolicyContext context) {
        return value.isLiteral() ? item : item.withValue(Expansion.escape(value.expand(context)));
    }

    private boolean matchesRequest(PolicyContext context, Operator operator) {
        RadiusPacket request = context.request();
        AttributeDefinition attribute = item.attribute();
        boolean present = false;
        for (int i = 0; i < request.attributeCount(); i++) {
            if (!AttributeIdentity.same(request.definition(i), attribute)
                    || (item.tag() != PolicyItem.NO_TAG && request.tag(i) != item.tag())) {
                continue;
            }
            present = true;
            if (operator == Operator.PRESENT || operator == Operator.NOT_PRESENT) {
                break;
            }
            if (matchesInstance(context, request, i, operator)) {
                return true;
            }
        }
        return switch (operator) {
            case PRESENT -> present;
            case NOT_PRESENT -> !present;
            default -> false;
        };
    }

    private boolean matchesInstance(PolicyContext context, RadiusPacket request, int i, Operator operator) {
        try {
            if (operator == Operator.REGEX_MATCH || operator == Operator.REGEX_NOT_MATCH) {
                boolean found = pattern(context).matcher(AttributeText.of(request, i)).find();
                return found == (operator == Operator.REGEX_MATCH);
            }
            ParsedValue expected = parsed != null
                    ? parsed : ParsedValue.parse(item.attribute(), value.expand(context), context.zone());
            return expected.isSatisfiedBy(operator, request, i);
        } catch (PolicyException e) {
            // An expanded value that is no value of the attribute matches nothing, as FreeRADIUS skips it.
            return false;
        }
    }

    private boolean matchesComputed(PolicyContext context, Operator operator) {
        if (operator == Operator.PRESENT || operator == Operator.NOT_PRESENT) {
            return operator == Operator.PRESENT;
        }
        try {
            if (operator == Operator.REGEX_MATCH || operator == Operator.REGEX_NOT_MATCH) {
                boolean found = pattern(context).matcher(computedText(context)).find();
                return found == (operator == Operator.REGEX_MATCH);
            }
            long now = context.time().getEpochSecond();
            int comparison = switch (source) {
                case EXPIRATION -> {
                    long expires = expected(context).number();
                    // rlm_expiration: "equal" until the date has passed.
                    yield now <= expires ? 0 : 1;
                }
                case CURRENT_TIME -> {
                    LoginTime time = ranges != null ? ranges : LoginTime.parse(value.expand(context));
                    yield time.secondsLeft(context.time().atZone(context.zone())) == LoginTime.OUTSIDE ? -1 : 0;
                }
                case PACKET_TYPE -> expected(context).compareNumber(context.request().code().value());
                default -> {
                    byte[] client = context.client() == null ? null : context.client().getAddress();
                    if (client == null || client.length != 4) {
                        yield Integer.MIN_VALUE;
                    }
                    long address = ((client[0] & 0xFFL) << 24) | ((client[1] & 0xFFL) << 16)
                            | ((client[2] & 0xFFL) << 8) | (client[3] & 0xFFL);
                    yield expected(context).compareNumber(address);
                }
            };
            return comparison != Integer.MIN_VALUE && operator.holds(comparison);
        } catch (PolicyException e) {
            return false;
        }
    }

    private String computedText(PolicyContext context) {
        return switch (source) {
            case PACKET_TYPE -> {
                int code = context.request().code().value();
                String name = item.attribute().valueName(code);
                yield name != null ? name : Integer.toString(code);
            }
            case CLIENT_ADDRESS -> context.client() == null ? "" : context.client().getHostAddress();
            default -> "";
        };
    }

    private ParsedValue expected(PolicyContext context) throws PolicyException {
        return parsed != null ? parsed : ParsedValue.parse(item.attribute(), value.expand(context), context.zone());
    }

    private Pattern pattern(PolicyContext context) throws PolicyException {
        return pattern != null ? pattern : PosixRegex.compile(value.expand(context));
    }

    @Override
    public String toString() {
        return item.toString();
    }
}
