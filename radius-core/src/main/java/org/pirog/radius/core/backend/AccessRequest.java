package org.pirog.radius.core.backend;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.core.nas.Nas;

/**
 * An Access-Request the server accepted from a known client and whose authenticity it checked.
 *
 * @param packet   the decoded request
 * @param nas      the client it came from
 * @param source   the source address and port
 * @param received when it arrived
 * @param number   the server's request number, as FreeRADIUS prints {@code (N)} in its log lines
 */
public record AccessRequest(RadiusPacket packet, Nas nas, InetSocketAddress source, Instant received, long number) {
    private static final int USER_NAME = 1;

    public AccessRequest {
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(received, "received");
    }

    /** User-Name, or the empty string when the request has none. */
    public String userName() {
        // By number: a hash of two ints, where a name lookup would hash the string on every request.
        var definition = packet.dictionary().attribute(0, USER_NAME);
        int i = definition == null ? -1 : packet.indexOf(definition);
        return i < 0 ? "" : packet.stringValue(i);
    }
}
