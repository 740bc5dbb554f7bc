package org.pirog.radius.core.policy;

import java.net.InetAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.DataType;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.value.ValueText;

/** One piece of an {@link Expansion}. */
sealed interface ExpansionPart {

    void append(PolicyContext context, StringBuilder out);

    /** Text as it is. */
    record Literal(String text) implements ExpansionPart {
        @Override
        public void append(PolicyContext context, StringBuilder out) {
            out.append(text);
        }
    }

    enum ListName { REQUEST, REPLY, CONTROL }

    /** {@code %{list:Attribute}}: the first instance, empty when there is none. */
    record Reference(ListName list, AttributeDefinition attribute) implements ExpansionPart {
        private static final int PACKET_TYPE = 1047;
        private static final int CLIENT_IP_ADDRESS = 1052;
        private static final int PACKET_SRC_IP_ADDRESS = 1084;

        @Override
        public void append(PolicyContext context, StringBuilder out) {
            if (list != ListName.REQUEST) {
                PolicyItem item = (list == ListName.REPLY ? context.reply() : context.control()).first(attribute);
                if (item != null) {
                    out.append(Expansion.unescape(item.value()));
                }
                return;
            }
            if (InternalAttributes.isInternal(attribute)) {
                appendVirtual(context, out);
                return;
            }
            RadiusPacket request = context.request();
            for (int i = 0; i < request.attributeCount(); i++) {
                if (AttributeIdentity.same(request.definition(i), attribute)) {
                    appendValue(context, request, i, out);
                    return;
                }
            }
        }

        /** Values FreeRADIUS computes for the request rather than reading them from it. */
        private void appendVirtual(PolicyContext context, StringBuilder out) {
            switch (attribute.number()) {
                case CLIENT_IP_ADDRESS, PACKET_SRC_IP_ADDRESS -> {
                    InetAddress client = context.client();
                    if (client != null) {
                        out.append(client.getHostAddress());
                    }
                }
                case PACKET_TYPE -> {
                    int code = context.request().code().value();
                    String name = attribute.valueName(code);
                    out.append(name != null ? name : Integer.toString(code));
                }
                default -> {
                    // Other internal attributes are never in a request: they expand to nothing.
                }
            }
        }

        private static void appendValue(PolicyContext context, RadiusPacket request, int i, StringBuilder out) {
            if (request.definition(i).type() == DataType.DATE && request.valueLength(i) == 4) {
                out.append(ValueText.formatDate(request.longValue(i), context.zone()));
            } else {
                AttributeText.append(request, i, out);
            }
        }
    }

    /** {@code %{A:-B}}: A unless it is empty, else B. */
    record Alternative(ExpansionPart primary, List<ExpansionPart> fallback) implements ExpansionPart {
        public Alternative {
            fallback = List.copyOf(fallback);
        }

        @Override
        public void append(PolicyContext context, StringBuilder out) {
            int start = out.length();
            primary.append(context, out);
            if (out.length() == start) {
                for (ExpansionPart part : fallback) {
                    part.append(context, out);
                }
            }
        }
    }

    /** {@code %Y}-style parts of the request's time. */
    record Time(char letter) implements ExpansionPart {
        private static final DateTimeFormatter CTIME =
                DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

        @Override
        public void append(PolicyContext context, StringBuilder out) {
            ZonedDateTime when = context.time().atZone(context.zone());
            switch (letter) {
                case 'Y' -> out.append(when.getYear());
                case 'm' -> twoDigits(when.getMonthValue(), out);
                case 'd' -> twoDigits(when.getDayOfMonth(), out);
                case 'H' -> twoDigits(when.getHour(), out);
                case 'D' -> {
                    out.append(when.getYear());
                    twoDigits(when.getMonthValue(), out);
                    twoDigits(when.getDayOfMonth(), out);
                }
                case 'l' -> out.append(context.time().getEpochSecond());
                case 't' -> out.append(CTIME.format(when));
                default -> throw new IllegalStateException("no time expansion %" + letter);
            }
        }

        private static void twoDigits(int value, StringBuilder out) {
            if (value < 10) {
                out.append('0');
            }
            out.append(value);
        }
    }
}
