package org.pirog.radius.core.server;

import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;

/**
 * Says "this session may use N octets" in the words the client's NAS understands ({@code nas_type}): MikroTik's
 * Mikrotik-Total-Limit with its Gigawords, ChilliSpot/CoovaChilli's Max-Total-Octets with its Gigawords, and
 * pppd's radius plugin's Session-Octets-Limit (with Octets-Direction 0: in and out together) for the rest.
 */
final class VolumeLimitAttributes {
    private final @Nullable AttributeDefinition mikrotikLimit;
    private final @Nullable AttributeDefinition mikrotikGigawords;
    private final @Nullable AttributeDefinition chilliLimit;
    private final @Nullable AttributeDefinition chilliGigawords;
    private final @Nullable AttributeDefinition pppdLimit;
    private final @Nullable AttributeDefinition pppdDirection;

    VolumeLimitAttributes(Dictionary dictionary) {
        mikrotikLimit = dictionary.attribute("Mikrotik-Total-Limit");
        mikrotikGigawords = dictionary.attribute("Mikrotik-Total-Limit-Gigawords");
        chilliLimit = dictionary.attribute("ChilliSpot-Max-Total-Octets");
        chilliGigawords = dictionary.attribute("ChilliSpot-Max-Total-Gigawords");
        pppdLimit = dictionary.attribute("Session-Octets-Limit");
        pppdDirection = dictionary.attribute("Octets-Direction");
    }

    /** Adds the limit for {@code nasType}; returns false when the dictionary has no attribute for it. */
    boolean add(RadiusPacketBuilder reply, String nasType, long octets) {
        long low = octets & 0xFFFFFFFFL;
        long high = octets >>> 32;
        switch (nasType.toLowerCase(java.util.Locale.ROOT)) {
            case "mikrotik" -> {
                return addPair(reply, mikrotikLimit, mikrotikGigawords, low, high);
            }
            case "chillispot", "coovachilli" -> {
                return addPair(reply, chilliLimit, chilliGigawords, low, high);
            }
            default -> {
                if (pppdLimit == null) {
                    return false;
                }
                // pppd's counter is 32 bits: a larger limit is as good as none, so cap rather than wrap.
                reply.addNumber(pppdLimit, Math.min(octets, 0xFFFFFFFFL));
                if (pppdDirection != null) {
                    reply.addNumber(pppdDirection, 0);
                }
                return true;
            }
        }
    }

    private static boolean addPair(RadiusPacketBuilder reply, @Nullable AttributeDefinition limit,
            @Nullable AttributeDefinition gigawords, long low, long high) {
        if (limit == null) {
            return false;
        }
        reply.addNumber(limit, low);
        if (high > 0 && gigawords != null) {
            reply.addNumber(gigawords, high);
        }
        return true;
    }
}
