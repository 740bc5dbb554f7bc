package org.pirog.radius.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasNetwork;

class RequestTaskTest {
    /**
     * The bug this catches: an answered request's max_request_time timer stayed scheduled, keeping the request in
     * memory for 30 s; at 60,000 accounting records a second that filled the heap.
     */
    @Test
    void completingCancelsTheAbandonTimerWhicheverComesFirst() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            RequestTask answered = task();
            ScheduledFuture<?> timer = loop.schedule(() -> { }, 30, TimeUnit.SECONDS);
            answered.abandonTimer(timer);
            assertThat(answered.complete()).isTrue();
            assertThat(timer.isCancelled()).isTrue();
            assertThat(answered.complete()).isFalse();

            RequestTask early = task();
            assertThat(early.complete()).isTrue();
            ScheduledFuture<?> late = loop.schedule(() -> { }, 30, TimeUnit.SECONDS);
            early.abandonTimer(late);
            assertThat(late.isCancelled()).isTrue();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static RequestTask task() throws Exception {
        RadiusPacket packet = RadiusPacket.builder(Dictionary.pirog(), PacketCode.ACCOUNTING_REQUEST, 1).build();
        Nas nas = Nas.of("n", NasNetwork.host(InetAddress.getLoopbackAddress()), SharedSecret.of("s"));
        return new RequestTask(packet, nas, new InetSocketAddress(InetAddress.getLoopbackAddress(), 1), Instant.EPOCH,
                0, ListenerKind.ACCT, null, null, null, 0);
    }
}
