package org.pirog.radius.core.server;

import org.jspecify.annotations.Nullable;

/**
 * What processing a request came to: a reply to send (an Access-Reject after {@code reject_delay}), or none —
 * the backend could not answer and the client will retransmit.
 *
 * @param datagram the encoded reply, or null for no reply
 * @param delayed  whether it waits for {@code reject_delay} first
 */
record Outcome(byte @Nullable [] datagram, boolean delayed) {
    static final Outcome NO_REPLY = new Outcome(null, false);
    /** The request needs seconds of CPU (bcrypt, PBKDF2): process it again, off the event loop. */
    static final Outcome OFFLOAD = new Outcome(null, false);

    static Outcome reply(byte[] datagram) {
        return new Outcome(datagram, false);
    }

    static Outcome delayedReply(byte[] datagram) {
        return new Outcome(datagram, true);
    }
}
