package org.pirog.radius.codec.packet;

/**
 * The one exception the decoder raises: the datagram is not a well-formed RADIUS packet. The message names the
 * field and the octet offset where decoding stopped. It carries no stack trace, because a flood of garbage
 * datagrams must cost the server little; the cause is always the input, never the code.
 */
public final class MalformedPacketException extends Exception {
    private final String field;
    private final int offset;

    public MalformedPacketException(String field, int offset, String problem) {
        super(field + " at offset " + offset + ": " + problem, null, false, false);
        this.field = field;
        this.offset = offset;
    }

    /** The packet field that is wrong, e.g. {@code "Length"} or {@code "attribute length"}. */
    public String field() {
        return field;
    }

    /** Offset of the offending octet from the start of the packet. */
    public int offset() {
        return offset;
    }
}
