package org.pirog.radius.core.accounting;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.nas.Nas;

/**
 * One Accounting-Request as a backend stores it: the packet itself (for detail files and columns this record
 * does not name) and the values every store needs, already read from it.
 *
 * @param packet           the decoded request
 * @param nas              the client it came from
 * @param source           its source address and port
 * @param received         when it arrived
 * @param statusType       Acct-Status-Type
 * @param uniqueSessionId  Acct-Unique-Session-Id (FreeRADIUS's default policy)
 * @param sessionId        Acct-Session-Id, or empty
 * @param userName         User-Name, or empty
 * @param nasIpAddress     NAS-IP-Address, else the source address
 * @param framedIpAddress  Framed-IP-Address, or null
 * @param sessionTime      Acct-Session-Time in seconds, or -1 when absent
 * @param inputOctets      Acct-Input-Octets with Acct-Input-Gigawords folded in (64 bits)
 * @param outputOctets     Acct-Output-Octets with Acct-Output-Gigawords folded in (64 bits)
 * @param eventTime        Event-Timestamp, else the time it arrived
 */
public record AccountingRecord(
        RadiusPacket packet,
        Nas nas,
        InetSocketAddress source,
        Instant received,
        AcctStatusType statusType,
        String uniqueSessionId,
        String sessionId,
        String userName,
        InetAddress nasIpAddress,
        @Nullable InetAddress framedIpAddress,
        long sessionTime,
        long inputOctets,
        long outputOctets,
        Instant eventTime) {

    public AccountingRecord {
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(statusType, "statusType");
        Objects.requireNonNull(uniqueSessionId, "uniqueSessionId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(nasIpAddress, "nasIpAddress");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    /** Reads the record from an Accounting-Request whose authenticator the server has verified. */
    public static AccountingRecord from(RadiusPacket packet, Nas nas, InetSocketAddress source, Instant received) {
        return AccountingRecordReader.read(packet, nas, source, received);
    }
}
