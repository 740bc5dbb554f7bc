package org.pirog.radius.core.server;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.MalformedPacketException;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;
import org.pirog.radius.core.nas.Nas;
import org.pirog.radius.core.nas.NasTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-free request pipeline: client lookup by source address, duplicate detection, decoding,
 * validation (Request Authenticator, Message-Authenticator, BlastRADIUS rules), dispatch to the processors, and
 * the reply. Runs on the receiving socket's event loop; processing that may block goes to virtual threads and
 * its reply comes back to the loop.
 */
final class RequestPipeline {
    private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);
    private static final long LOG_INTERVAL = TimeUnit.SECONDS.toNanos(10);

    private final RadiusPacketDecoder decoder;
    private final ServerSettings settings;
    private final ServerCounters counters;
    private final RequestProcessor processor;
    private final Executor blockingExecutor;
    private final AttributeDefinition eapMessage;
    private final AttributeDefinition proxyState;
    private final PacketPrinter printer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong requestNumbers = new AtomicLong();
    private final RateLimitedLog unknownClientLog = new RateLimitedLog(log, LOG_INTERVAL);
    private final RateLimitedLog droppedLog = new RateLimitedLog(log, LOG_INTERVAL);
    private volatile Clients clients;

    /** The client table and its BlastRADIUS state, swapped together on reload. */
    private record Clients(NasTable table, BlastRadiusGuard guard) {
    }

    RequestPipeline(Dictionary dictionary, NasTable nasTable, ServerSettings settings, ServerCounters counters,
            RequestProcessor processor, Executor blockingExecutor) {
        this.decoder = new RadiusPacketDecoder(dictionary, settings.maxAttributes());
        this.printer = new PacketPrinter(decoder);
        this.settings = settings;
        this.counters = counters;
        this.processor = processor;
        this.blockingExecutor = blockingExecutor;
        this.eapMessage = required(dictionary, "EAP-Message");
        this.proxyState = required(dictionary, "Proxy-State");
        this.clients = new Clients(nasTable, new BlastRadiusGuard(nasTable));
    }

    /** Replaces the clients (a reload); requests in progress finish with the client they started with. */
    void clients(NasTable table) {
        clients = new Clients(table, new BlastRadiusGuard(table));
    }

    NasTable clients() {
        return clients.table();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Handles one datagram received on {@code kind}'s socket. Does not release {@code datagram}. */
    void handle(ByteBuf datagram, InetSocketAddress sender, ReplyChannel channel, DuplicateCache duplicates,
            ListenerKind kind) {
        counters.received.increment();
        Clients current = clients;
        Nas nas = current.table().find(sender.getAddress());
        if (nas == null) {
            counters.unknownClient.increment();
            if (unknownClientLog.acquire()) {
                log.warn("Ignoring request to {} port from unknown client {} port {} ({} more suppressed)",
                        kind == ListenerKind.AUTH ? "auth" : "acct", sender.getAddress().getHostAddress(),
                        sender.getPort(), unknownClientLog.takeSuppressed());
            }
            return;
        }
        if (datagram.readableBytes() < RadiusPacket.MIN_LENGTH) {
            drop(counters.malformed, nas, sender, "packet of " + datagram.readableBytes() + " octets, shorter than 20");
            return;
        }
        int base = datagram.readerIndex();
        long now = System.nanoTime();
        DuplicateCache.Verdict[] verdict = VERDICT.get();
        DuplicateCache.Entry entry = duplicates.lookup(sender, datagram.getUnsignedByte(base + 1),
                datagram.getLong(base + 4), datagram.getLong(base + 12), now, verdict);
        switch (verdict[0]) {
            case IN_PROGRESS -> {
                counters.duplicatesDropped.increment();
                return;
            }
            case ANSWERED -> {
                counters.duplicatesAnswered.increment();
                channel.send(entry.reply(), sender);
                return;
            }
            case NEW -> {
            }
        }
        long generation = entry == null ? 0 : entry.generation();
        RadiusPacket packet = decodeAndValidate(datagram, nas, sender, kind, current.guard());
        if (packet == null) {
            forget(duplicates, entry, generation);
            return;
        }
        if (inFlight.incrementAndGet() > settings.maxRequests()) {
            inFlight.decrementAndGet();
            forget(duplicates, entry, generation);
            drop(counters.overload, nas, sender, "more than " + settings.maxRequests() + " requests in flight");
            return;
        }
        long number = requestNumbers.getAndIncrement();
        if (printer.enabled()) {
            printer.received(number, packet, sender, channel.localAddress());
        }
        RequestTask task = new RequestTask(packet, nas, sender, Instant.now(), number, kind, channel, duplicates,
                entry, generation);
        dispatch(task);
    }

    private static final io.netty.util.concurrent.FastThreadLocal<DuplicateCache.Verdict[]> VERDICT =
            new io.netty.util.concurrent.FastThreadLocal<>() {
                @Override
                protected DuplicateCache.Verdict[] initialValue() {
                    return new DuplicateCache.Verdict[1];
                }
            };

    private RadiusPacket decodeAndValidate(ByteBuf datagram, Nas nas, InetSocketAddress sender, ListenerKind kind,
            BlastRadiusGuard guard) {
        RadiusPacket packet;
        try {
            packet = decoder.decode(datagram);
        } catch (MalformedPacketException e) {
            drop(counters.malformed, nas, sender, e.getMessage());
            return null;
        }
        PacketCode code = packet.code();
        if (code == PacketCode.ACCESS_REQUEST && kind == ListenerKind.AUTH) {
            return validAccessRequest(packet, nas, sender, guard) ? packet : null;
        }
        if (code == PacketCode.ACCOUNTING_REQUEST && kind == ListenerKind.ACCT) {
            if (!packet.hasValidRequestAuthenticator(nas.secret())) {
                drop(counters.badAuthenticator, nas, sender, "Accounting-Request with a bad Request Authenticator"
                        + " (shared secret wrong?)");
                return null;
            }
            return validOptionalMessageAuthenticator(packet, nas, sender) ? packet : null;
        }
        if (code == PacketCode.STATUS_SERVER) {
            // RFC 5997 §3: Status-Server without a valid Message-Authenticator is silently discarded.
            if (packet.messageAuthenticatorIndex() < 0) {
                drop(counters.missingMessageAuthenticator, nas, sender, "Status-Server without Message-Authenticator");
                return null;
            }
            return validOptionalMessageAuthenticator(packet, nas, sender) ? packet : null;
        }
        drop(counters.unexpectedCode, nas, sender, "Invalid packet code " + code.value() + " sent to "
                + (kind == ListenerKind.AUTH ? "authentication" : "accounting") + " port");
        return null;
    }

    private boolean validAccessRequest(RadiusPacket packet, Nas nas, InetSocketAddress sender,
            BlastRadiusGuard guard) {
        boolean hasProxyState = packet.contains(proxyState);
        if (packet.messageAuthenticatorIndex() >= 0) {
            if (!packet.hasValidMessageAuthenticator(nas.secret(), null)) {
                drop(counters.badAuthenticator, nas, sender, "Access-Request with an invalid Message-Authenticator"
                        + " (shared secret wrong?)");
                return false;
            }
            guard.sawMessageAuthenticator(nas, hasProxyState);
            return true;
        }
        // RFC 3579 §3.2: EAP-Message without Message-Authenticator is silently discarded.
        if (packet.contains(eapMessage)) {
            drop(counters.missingMessageAuthenticator, nas, sender, "EAP-Message without Message-Authenticator");
            return false;
        }
        if (!guard.admitsWithoutMessageAuthenticator(nas, hasProxyState)) {
            drop(counters.missingMessageAuthenticator, nas, sender, "Access-Request without Message-Authenticator"
                    + (hasProxyState ? " but with Proxy-State (limit_proxy_state)" : " (require_message_authenticator)"));
            return false;
        }
        return true;
    }

    private boolean validOptionalMessageAuthenticator(RadiusPacket packet, Nas nas, InetSocketAddress sender) {
        if (packet.messageAuthenticatorIndex() >= 0 && !packet.hasValidMessageAuthenticator(nas.secret(), null)) {
            drop(counters.badAuthenticator, nas, sender, packet.code() + " with an invalid Message-Authenticator");
            return false;
        }
        return true;
    }

    private void dispatch(RequestTask task) {
        PacketCode code = task.packet().code();
        if (code == PacketCode.ACCOUNTING_REQUEST) {
            account(task);
            return;
        }
        // First on the loop, for every backend: a blocking one answers there what it has in memory, and says
        // OFFLOAD for the rest.
        Outcome inline = process(task, true);
        if (inline != Outcome.OFFLOAD) {
            finish(task, inline);
            return;
        }
        task.abandonTimer(task.channel().executor().schedule(() -> abandon(task),
                settings.maxRequestTime().toNanos(), TimeUnit.NANOSECONDS));
        blockingExecutor.execute(() -> {
            Outcome outcome = process(task, false);
            task.channel().executor().execute(() -> finish(task, outcome));
        });
    }

    /** Accounting never blocks the loop: the backend's stage completes it, often at once. */
    private void account(RequestTask task) {
        CompletableFuture<Outcome> pending;
        try {
            pending = processor.account(task).toCompletableFuture();
        } catch (RuntimeException e) {
            log.error("({}) Internal error processing {} from {}: {}", task.number(), task.packet().code(),
                    task.nas().name(), e.toString(), e);
            counters.backendFailures.increment();
            finish(task, Outcome.NO_REPLY);
            return;
        }
        if (pending.isDone()) {
            finish(task, pending.isCompletedExceptionally() ? Outcome.NO_REPLY : pending.getNow(Outcome.NO_REPLY));
            return;
        }
        task.abandonTimer(task.channel().executor().schedule(() -> abandon(task),
                settings.maxRequestTime().toNanos(), TimeUnit.NANOSECONDS));
        pending.whenComplete((outcome, failure) -> task.channel().executor().execute(
                () -> finish(task, outcome == null ? Outcome.NO_REPLY : outcome)));
    }

    private Outcome process(RequestTask task, boolean onEventLoop) {
        try {
            return processor.process(task, onEventLoop);
        } catch (RuntimeException e) {
            // A bug must not kill the loop or leak a stack trace per packet to the NAS's retransmissions.
            log.error("({}) Internal error processing {} from {}: {}", task.number(), task.packet().code(),
                    task.nas().name(), e.toString(), e);
            counters.backendFailures.increment();
            return Outcome.NO_REPLY;
        }
    }

    /** On the socket's event loop: sends the reply (after {@code reject_delay} for a reject), or forgets. */
    private void finish(RequestTask task, Outcome outcome) {
        if (!task.complete()) {
            return;
        }
        byte[] datagram = outcome.datagram();
        if (datagram == null) {
            inFlight.decrementAndGet();
            forget(task.duplicates(), task.entry(), task.generation());
            return;
        }
        long delay = outcome.delayed() ? settings.rejectDelay().toNanos() : 0;
        if (delay > 0) {
            task.channel().executor().schedule(() -> send(task, datagram), delay, TimeUnit.NANOSECONDS);
        } else {
            send(task, datagram);
        }
    }

    private void send(RequestTask task, byte[] datagram) {
        inFlight.decrementAndGet();
        DuplicateCache.Entry entry = task.entry();
        if (entry != null) {
            task.duplicates().answered(entry, task.generation(), datagram, System.nanoTime());
        }
        task.channel().send(datagram, task.sender());
        if (printer.enabled()) {
            printer.sent(task.number(), datagram, task.channel().localAddress(), task.sender());
        }
    }

    private void abandon(RequestTask task) {
        if (task.complete()) {
            inFlight.decrementAndGet();
            counters.abandoned.increment();
            forget(task.duplicates(), task.entry(), task.generation());
            log.warn("({}) Abandoning {} from {} after max_request_time ({} s) without a reply", task.number(),
                    task.packet().code(), task.nas().name(), settings.maxRequestTime().toSeconds());
        }
    }

    private static void forget(DuplicateCache duplicates, DuplicateCache.@org.jspecify.annotations.Nullable Entry entry,
            long generation) {
        if (entry != null) {
            duplicates.forget(entry, generation, System.nanoTime());
        }
    }

    private void drop(java.util.concurrent.atomic.LongAdder counter, Nas nas, InetSocketAddress sender, String why) {
        counter.increment();
        if (log.isDebugEnabled() && droppedLog.acquire()) {
            log.debug("Dropping packet from {} ({} port {}): {} ({} more suppressed)", nas.name(),
                    sender.getAddress().getHostAddress(), sender.getPort(), why, droppedLog.takeSuppressed());
        }
    }

    private static AttributeDefinition required(Dictionary dictionary, String name) {
        AttributeDefinition definition = dictionary.attribute(name);
        if (definition == null) {
            throw new IllegalArgumentException("the dictionary does not define " + name);
        }
        return definition;
    }
}
