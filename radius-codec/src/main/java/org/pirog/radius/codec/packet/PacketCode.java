package org.pirog.radius.codec.packet;

/**
 * The Code field of a RADIUS packet (RFC 2865 §3). The code space is open: {@link #valueOf(int)} returns an
 * instance for every octet value, so that a packet with a code we do not know still round-trips.
 */
public final class PacketCode {
    public static final PacketCode ACCESS_REQUEST = new PacketCode(1, "Access-Request", Kind.REQUEST_RANDOM);
    public static final PacketCode ACCESS_ACCEPT = new PacketCode(2, "Access-Accept", Kind.RESPONSE);
    public static final PacketCode ACCESS_REJECT = new PacketCode(3, "Access-Reject", Kind.RESPONSE);
    public static final PacketCode ACCOUNTING_REQUEST = new PacketCode(4, "Accounting-Request", Kind.REQUEST_HASHED);
    public static final PacketCode ACCOUNTING_RESPONSE = new PacketCode(5, "Accounting-Response", Kind.RESPONSE);
    public static final PacketCode ACCESS_CHALLENGE = new PacketCode(11, "Access-Challenge", Kind.RESPONSE);
    /** RFC 5997: the authenticator is random, like an Access-Request's. */
    public static final PacketCode STATUS_SERVER = new PacketCode(12, "Status-Server", Kind.REQUEST_RANDOM);
    public static final PacketCode STATUS_CLIENT = new PacketCode(13, "Status-Client", Kind.UNKNOWN);
    public static final PacketCode DISCONNECT_REQUEST = new PacketCode(40, "Disconnect-Request", Kind.REQUEST_HASHED);
    public static final PacketCode DISCONNECT_ACK = new PacketCode(41, "Disconnect-ACK", Kind.RESPONSE);
    public static final PacketCode DISCONNECT_NAK = new PacketCode(42, "Disconnect-NAK", Kind.RESPONSE);
    public static final PacketCode COA_REQUEST = new PacketCode(43, "CoA-Request", Kind.REQUEST_HASHED);
    public static final PacketCode COA_ACK = new PacketCode(44, "CoA-ACK", Kind.RESPONSE);
    public static final PacketCode COA_NAK = new PacketCode(45, "CoA-NAK", Kind.RESPONSE);

    private static final PacketCode[] CODES = new PacketCode[256];

    static {
        for (PacketCode known : new PacketCode[] {ACCESS_REQUEST, ACCESS_ACCEPT, ACCESS_REJECT, ACCOUNTING_REQUEST,
                ACCOUNTING_RESPONSE, ACCESS_CHALLENGE, STATUS_SERVER, STATUS_CLIENT, DISCONNECT_REQUEST,
                DISCONNECT_ACK, DISCONNECT_NAK, COA_REQUEST, COA_ACK, COA_NAK}) {
            CODES[known.value] = known;
        }
        for (int code = 0; code < CODES.length; code++) {
            if (CODES[code] == null) {
                CODES[code] = new PacketCode(code, "Code-" + code, Kind.UNKNOWN, false);
            }
        }
    }

    /** How the Authenticator field of a packet with this code is made. */
    public enum Kind {
        /** Random Request Authenticator (Access-Request, Status-Server). */
        REQUEST_RANDOM,
        /** Request Authenticator hashed over the packet and secret (RFC 2866 §3, RFC 5176 §2.3). */
        REQUEST_HASHED,
        /** Response Authenticator over the packet, the request's authenticator and the secret (RFC 2865 §3). */
        RESPONSE,
        /** A code we do not know: its authenticator is carried as it is. */
        UNKNOWN
    }

    private final int value;
    private final String name;
    private final Kind kind;
    private final boolean known;

    private PacketCode(int value, String name, Kind kind) {
        this(value, name, kind, true);
    }

    private PacketCode(int value, String name, Kind kind, boolean known) {
        this.value = value;
        this.name = name;
        this.kind = kind;
        this.known = known;
    }

    /** The code for an octet value 0..255; never throws for those, known or not. */
    public static PacketCode valueOf(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("a RADIUS code is one octet, not " + code);
        }
        return CODES[code];
    }

    public int value() {
        return value;
    }

    /** The name FreeRADIUS prints ({@code Access-Request}), or {@code Code-N} for an unknown code. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this is a code the RFCs define, rather than one made up for an unknown octet. */
    public boolean isKnown() {
        return known;
    }

    @Override
    public String toString() {
        return name;
    }
}
