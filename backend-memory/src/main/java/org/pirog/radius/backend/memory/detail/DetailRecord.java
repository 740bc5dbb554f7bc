package org.pirog.radius.backend.memory.detail;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Encryption;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.value.ValueText;
import org.pirog.radius.core.accounting.AccountingRecord;

/**
 * One accounting record in FreeRADIUS's detail file format, as FreeRADIUS 3.2 writes it with its default
 * configuration (checked against its output): a line with the arrival time in {@code ctime} form, then one
 * tab-indented {@code Attribute = value} line per request attribute in packet order, then the attributes
 * FreeRADIUS adds (NAS-IP-Address from the source address and Event-Timestamp from the arrival time when the
 * request has none, Acct-Unique-Session-Id), {@code Timestamp = } the arrival time in seconds, and a blank line.
 * Hidden attributes such as User-Password are left out, as FreeRADIUS's {@code suppress} list leaves out
 * User-Password.
 */
final class DetailRecord {
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final int NAS_IP_ADDRESS = 4;
    private static final int EVENT_TIMESTAMP = 55;

    private DetailRecord() {
    }

    static String format(AccountingRecord record, ZoneId zone) {
        RadiusPacket packet = record.packet();
        StringBuilder out = new StringBuilder(512);
        out.append(CTIME.format(record.received().atZone(zone))).append('\n');
        boolean nasIp = false;
        boolean eventTimestamp = false;
        for (int i = 0; i < packet.attributeCount(); i++) {
            AttributeDefinition definition = packet.definition(i);
            if (definition.encryption() != Encryption.NONE) {
                continue;
            }
            if (definition.vendorId() == 0 && definition.parent() == null) {
                nasIp |= definition.number() == NAS_IP_ADDRESS;
                eventTimestamp |= definition.number() == EVENT_TIMESTAMP;
            }
            out.append('\t').append(definition.name());
            int tag = packet.tag(i);
            if (tag >= 0) {
                out.append(':').append(tag);
            }
            out.append(" = ");
            DetailValue.append(packet, i, zone, out);
            out.append('\n');
        }
        if (!nasIp && record.source().getAddress() instanceof Inet4Address source) {
            out.append("\tNAS-IP-Address = ").append(source.getHostAddress()).append('\n');
        }
        if (!eventTimestamp) {
            out.append("\tEvent-Timestamp = \"")
                    .append(ValueText.formatDate(record.received().getEpochSecond(), zone))
                    .append("\"\n");
        }
        out.append("\tAcct-Unique-Session-Id = ");
        DetailValue.quoted(record.uniqueSessionId().getBytes(StandardCharsets.UTF_8), out);
        out.append('\n');
        out.append("\tTimestamp = ").append(record.received().getEpochSecond()).append('\n');
        out.append('\n');
        return out.toString();
    }
}
