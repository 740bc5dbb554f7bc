package org.pirog.radius.core.client;

/**
 * What a {@link RadiusClient} has done since it was built, as one consistent-enough snapshot (each counter is
 * read once; they may be a few requests apart under load).
 *
 * @param requests          requests given to {@code send} and accepted
 * @param retransmissions   transmissions after the first, over all requests
 * @param replies           verified replies, each completing its request
 * @param invalidReplies    replies dropped for a wrong Response Authenticator or Message-Authenticator, a
 *                          missing Message-Authenticator where one is required, or a code that does not answer
 *                          the request
 * @param malformedReplies  datagrams from the server that are no RADIUS packet
 * @param unmatchedReplies  datagrams from another address, or for an Identifier with no request waiting: late
 *                          duplicates after a retransmission, mostly
 * @param timeouts          requests failed with {@link RadiusTimeoutException}
 */
public record ClientCounters(long requests, long retransmissions, long replies, long invalidReplies,
        long malformedReplies, long unmatchedReplies, long timeouts) {
}
