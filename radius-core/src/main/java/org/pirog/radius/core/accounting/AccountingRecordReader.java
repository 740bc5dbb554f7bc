package org.pirog.radius.core.accounting;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.nas.Nas;

/** Reads an {@link AccountingRecord}'s values out of an Accounting-Request. */
final class AccountingRecordReader {
    private AccountingRecordReader() {
    }

    static AccountingRecord read(RadiusPacket packet, Nas nas, InetSocketAddress source, Instant received) {
        Dictionary d = packet.dictionary();
        long status = number(packet, d, "Acct-Status-Type", 0);
        InetAddress nasIp = address(packet, d, "NAS-IP-Address");
        long eventTimestamp = number(packet, d, "Event-Timestamp", -1);
        return new AccountingRecord(
                packet,
                nas,
                source,
                received,
                AcctStatusType.valueOf(status),
                AcctUniqueSessionId.of(packet, source.getAddress()),
                text(packet, d, "Acct-Session-Id"),
                text(packet, d, "User-Name"),
                nasIp != null ? nasIp : source.getAddress(),
                address(packet, d, "Framed-IP-Address"),
                number(packet, d, "Acct-Session-Time", -1),
                octets(packet, d, "Acct-Input-Octets", "Acct-Input-Gigawords"),
                octets(packet, d, "Acct-Output-Octets", "Acct-Output-Gigawords"),
                eventTimestamp >= 0 ? Instant.ofEpochSecond(eventTimestamp) : received);
    }

    /** RFC 2869 §5.1: Gigawords counts how many times the 32-bit octet counter wrapped. */
    private static long octets(RadiusPacket packet, Dictionary d, String octets, String gigawords) {
        long low = number(packet, d, octets, 0);
        long high = number(packet, d, gigawords, 0);
        return (high << 32) + low;
    }

    private static long number(RadiusPacket packet, Dictionary d, String name, long absent) {
        int i = index(packet, d, name);
        if (i < 0) {
            return absent;
        }
        int length = packet.valueLength(i);
        return length >= 1 && length <= 8 ? packet.longValue(i) : absent;
    }

    private static String text(RadiusPacket packet, Dictionary d, String name) {
        int i = index(packet, d, name);
        return i < 0 ? "" : packet.stringValue(i);
    }

    private static @Nullable InetAddress address(RadiusPacket packet, Dictionary d, String name) {
        int i = index(packet, d, name);
        if (i < 0 || packet.valueLength(i) != 4) {
            return null;
        }
        try {
            return InetAddress.getByAddress(packet.copyValue(i));
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static int index(RadiusPacket packet, Dictionary d, String name) {
        AttributeDefinition definition = d.attribute(name);
        return definition == null ? -1 : packet.indexOf(definition);
    }
}
