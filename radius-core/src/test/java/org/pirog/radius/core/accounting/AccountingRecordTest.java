package org.pirog.radius.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;

class AccountingRecordTest {
    private final Nas nas = Nas.of("pppd", NasNetwork.host(InetAddress.getLoopbackAddress()), SharedSecret.of("s"));
    private final InetSocketAddress source = new InetSocketAddress(InetAddress.getLoopbackAddress(), 4000);

    @Test
    void foldsGigawordsIntoSixtyFourBitCounters() throws Exception {
        RadiusPacket stop = RadiusPacket.builder(Dictionary.pirog(), PacketCode.ACCOUNTING_REQUEST, 3)
                .addNumber("Acct-Status-Type", 2)
                .addString("User-Name", "bob")
                .addString("Acct-Session-Id", "s1")
                .addNumber("Acct-Input-Octets", 5)
                .addNumber("Acct-Input-Gigawords", 2)
                .addNumber("Acct-Output-Octets", 0xFFFFFFFFL)
                .addNumber("Acct-Session-Time", 3600)
                .addNumber("Event-Timestamp", 1_800_000_000L)
                .addAddress("Framed-IP-Address", InetAddress.getByName("10.0.0.7"))
                .build();
        AccountingRecord record = AccountingRecord.from(stop, nas, source, Instant.EPOCH);
        assertThat(record.statusType()).isEqualTo(AcctStatusType.STOP);
        assertThat(record.inputOctets()).isEqualTo((2L << 32) + 5);
        assertThat(record.outputOctets()).isEqualTo(0xFFFFFFFFL);
        assertThat(record.sessionTime()).isEqualTo(3600);
        assertThat(record.eventTime()).isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
        assertThat(record.framedIpAddress()).isEqualTo(InetAddress.getByName("10.0.0.7"));
        assertThat(record.nasIpAddress()).isEqualTo(source.getAddress());
        assertThat(record.userName()).isEqualTo("bob");
    }

    @Test
    void usesReceiveTimeWithoutEventTimestampAndKnowsNasWideTypes() {
        RadiusPacket on = RadiusPacket.builder(Dictionary.pirog(), PacketCode.ACCOUNTING_REQUEST, 4)
                .addNumber("Acct-Status-Type", 7)
                .build();
        Instant received = Instant.parse("2026-11-21T10:00:00Z");
        AccountingRecord record = AccountingRecord.from(on, nas, source, received);
        assertThat(record.statusType()).isEqualTo(AcctStatusType.ACCOUNTING_ON);
        assertThat(record.statusType().isNasWide()).isTrue();
        assertThat(record.eventTime()).isEqualTo(received);
        assertThat(record.sessionTime()).isEqualTo(-1);
        assertThat(record.inputOctets()).isZero();
    }
}
