package org.pirog.radius.core.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneId;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;

/** Test requests and contexts, built from {@code "Name=value"} pairs in the dictionary's text forms. */
final class Requests {
    static final Dictionary DICTIONARY = Dictionary.pirog();
    static final ZoneId UTC = ZoneId.of("UTC");
    /** Saturday 2026-11-21 10:32:13 UTC, the moment FreeRADIUS's Login-Time answers were taken. */
    static final Instant SATURDAY = Instant.parse("2026-11-21T10:32:13Z");

    private Requests() {
    }

    /** An Access-Request with these attributes, e.g. {@code "User-Name=bob", "NAS-Port=5"}. */
    static RadiusPacket request(String... attributes) {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCESS_REQUEST, 1);
        for (String pair : attributes) {
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            int tag = -1;
            int colon = name.indexOf(':');
            if (colon > 0) {
                tag = Integer.parseInt(name.substring(colon + 1));
                name = name.substring(0, colon);
            }
            AttributeDefinition attribute = attribute(name);
            try {
                switch (attribute.type()) {
                    case STRING -> builder.add(attribute, tag, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    case IPADDR -> builder.addAddress(attribute, InetAddress.getByName(value));
                    case INTEGER, BYTE, SHORT, INTEGER64, DATE, SIGNED ->
                            builder.addNumber(attribute, tag, ParsedValue.number(attribute, value, UTC));
                    default -> builder.add(attribute, ParsedValue.parse(attribute, value, UTC).octets());
                }
            } catch (PolicyException | UnknownHostException e) {
                throw new IllegalArgumentException(pair, e);
            }
        }
        return builder.build();
    }

    static PolicyContext context(String... attributes) {
        return new PolicyContext(request(attributes), address("192.0.2.10"), SATURDAY, UTC);
    }

    static AttributeDefinition attribute(String name) {
        AttributeDefinition attribute = DICTIONARY.attribute(name);
        if (attribute == null) {
            throw new IllegalArgumentException("no attribute " + name);
        }
        return attribute;
    }

    /** A policy item from {@code Name op value}, e.g. {@code item("NAS-Port", ">", "10")}. */
    static PolicyItem item(String name, String operator, String value) {
        int tag = PolicyItem.NO_TAG;
        int colon = name.indexOf(':');
        if (colon > 0) {
            tag = Integer.parseInt(name.substring(colon + 1));
            name = name.substring(0, colon);
        }
        Operator op = Operator.fromToken(operator);
        if (op == null) {
            throw new IllegalArgumentException(operator);
        }
        return new PolicyItem(attribute(name), tag, op, value);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
