package org.pirog.radius.core.policy;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pirog.radius.codec.packet.RadiusPacket;

/**
 * One request as policy sees it: the packet that check items compare with and expansions read, where it came from,
 * when, and the control and reply lists that matched entries build up. Not thread-safe: one request owns it.
 */
public final class PolicyContext {
    private final RadiusPacket request;
    private final @Nullable InetAddress client;
    private final Instant time;
    private final ZoneId zone;
    private final PolicyList control = new PolicyList();
    private final PolicyList reply = new PolicyList();

    /**
     * @param request the request packet
     * @param client  the address it came from (Packet-Src-IP-Address, Client-IP-Address), or null when unknown
     * @param time    when it arrived: the "now" of Expiration, Current-Time and {@code %Y}-style expansions
     * @param zone    the time zone of calendar dates, Login-Time and {@code %Y}-style expansions
     */
    public PolicyContext(RadiusPacket request, @Nullable InetAddress client, Instant time, ZoneId zone) {
        this.request = Objects.requireNonNull(request, "request");
        this.client = client;
        this.time = Objects.requireNonNull(time, "time");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A context in the server's time zone. */
    public PolicyContext(RadiusPacket request, @Nullable InetAddress client, Instant time) {
        this(request, client, time, ZoneId.systemDefault());
    }

    public RadiusPacket request() {
        return request;
    }

    public @Nullable InetAddress client() {
        return client;
    }

    public Instant time() {
        return time;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The control list: known-good passwords, Auth-Type, Simultaneous-Use, Pool-Name, … */
    public PolicyList control() {
        return control;
    }

    /** The reply list: what the Access-Accept will carry. */
    public PolicyList reply() {
        return reply;
    }
}
