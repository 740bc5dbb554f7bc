package org.pirog.radius.core.client;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.packet.RadiusPacket;

/** A request on the wire, waiting for its reply; touched only by its socket's event loop. */
final class PendingRequest {
    final CompletableFuture<RadiusPacket> future;
    /** The signed octets: every retransmission sends exactly these (RFC 5080 §2.2.1). */
    final byte[] signed;
    /** The signed request as a packet, for verifying the Response Authenticator. */
    final RadiusPacket sent;
    final byte[] requestAuthenticator;
    final long firstSentNanos;
    int transmissions;
    long timeoutNanos;
    @Nullable ScheduledFuture<?> timer;

    PendingRequest(CompletableFuture<RadiusPacket> future, byte[] signed, RadiusPacket sent, long firstSentNanos) {
        this.future = future;
        this.signed = signed;
        this.sent = sent;
        this.requestAuthenticator = sent.authenticator();
        this.firstSentNanos = firstSentNanos;
    }

    int identifier() {
        return signed[1] & 0xFF;
    }
}
