package org.pirog.radius.backend.postgres.accounting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.value.ValueText;
import org.pirog.radius.core.accounting.AccountingRecord;
import org.pirog.radius.core.policy.AttributeText;

/**
 * The radacct column values of one Accounting-Request, as FreeRADIUS's default queries expand them: an absent
 * attribute is the empty string ({@code '%{Connect-Info}'}) unless the query wraps it in {@code NULLIF(…, '')}
 * (realm, nasportid, the IPv6 and interface columns, framedipaddress), enumerated numbers are their dictionary
 * VALUE names ({@code Virtual}, {@code User-Request}), addresses and prefixes their usual text.
 *
 * <p>Class is stored when the request has one (as FreeRADIUS does once its {@code class} column is enabled in
 * queries.conf), printed as FreeRADIUS prints octets ({@code 0x…}); without one it is NULL.
 *
 * @param status      the Acct-Status-Type's name in {@link org.pirog.radius.core.accounting.AcctStatusType}
 * @param event       Event-Timestamp, else the time the request arrived, in whole seconds ({@code %l})
 * @param sessionTime Acct-Session-Time, or -1 when absent
 */
record RadacctValues(
        String status,
        String sessionId,
        String uniqueId,
        String userName,
        @Nullable String realm,
        String nasIpAddress,
        @Nullable String nasPortId,
        String nasPortType,
        OffsetDateTime event,
        long sessionTime,
        String authentic,
        String connectInfo,
        long inputOctets,
        long outputOctets,
        String calledStationId,
        String callingStationId,
        String terminateCause,
        String serviceType,
        String framedProtocol,
        @Nullable String framedIpAddress,
        @Nullable String framedIpv6Address,
        @Nullable String framedIpv6Prefix,
        @Nullable String framedInterfaceId,
        @Nullable String delegatedIpv6Prefix,
        @Nullable String accountingClass) {

    static RadacctValues of(AccountingRecord record) {
        RadiusPacket packet = record.packet();
        String nasIpv6 = text(packet, "NAS-IPv6-Address");
        String nasPortId = text(packet, "NAS-Port-Id");
        if (nasPortId == null || nasPortId.isEmpty()) {
            nasPortId = text(packet, "NAS-Port");
        }
        return new RadacctValues(
                record.statusType().name(),
                record.sessionId(),
                record.uniqueSessionId(),
                record.userName(),
                nullIfEmpty(text(packet, "Realm")),
                nasIpv6 != null ? nasIpv6 : record.nasIpAddress().getHostAddress(),
                nullIfEmpty(nasPortId),
                orEmpty(text(packet, "NAS-Port-Type")),
                seconds(record.eventTime()),
                record.sessionTime(),
                orEmpty(text(packet, "Acct-Authentic")),
                orEmpty(text(packet, "Connect-Info")),
                record.inputOctets(),
                record.outputOctets(),
                orEmpty(text(packet, "Called-Station-Id")),
                orEmpty(text(packet, "Calling-Station-Id")),
                orEmpty(text(packet, "Acct-Terminate-Cause")),
                orEmpty(text(packet, "Service-Type")),
                orEmpty(text(packet, "Framed-Protocol")),
                record.framedIpAddress() != null ? record.framedIpAddress().getHostAddress() : null,
                nullIfEmpty(text(packet, "Framed-IPv6-Address")),
                nullIfEmpty(text(packet, "Framed-IPv6-Prefix")),
                nullIfEmpty(text(packet, "Framed-Interface-Id")),
                nullIfEmpty(text(packet, "Delegated-IPv6-Prefix")),
                nullIfEmpty(text(packet, "Class")));
    }

    /** Acct-Session-Time when present, else null ({@code %{%{Acct-Session-Time}:-NULL}}). */
    @Nullable Long sessionTimeOrNull() {
        return sessionTime < 0 ? null : sessionTime;
    }

    /** The event time in epoch seconds, FreeRADIUS's {@code event_timestamp_epoch}. */
    long eventEpoch() {
        return event.toEpochSecond();
    }

    private static OffsetDateTime seconds(Instant time) {
        return Instant.ofEpochSecond(time.getEpochSecond()).atOffset(ZoneOffset.UTC);
    }

    /** The first such attribute's value as {@code %{Name}} expands it, or null when the request has none. */
    static @Nullable String text(RadiusPacket packet, String name) {
        AttributeDefinition definition = packet.dictionary().attribute(name);
        int i = definition == null ? -1 : packet.indexOf(definition);
        if (i < 0) {
            return null;
        }
        return switch (definition.type()) {
            case STRING -> packet.stringValue(i);
            // AttributeText prints these as hex; FreeRADIUS prints them as addresses, prefixes and groups.
            case IPV6ADDR, IPV6PREFIX, IPV4PREFIX, IFID, COMBO_IP, ETHER ->
                    ValueText.format(definition, packet.copyValue(i));
            default -> AttributeText.of(packet, i);
        };
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String nullIfEmpty(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
