package org.pirog.radius.benchmarks.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.pirog.radius.codec.crypto.RequestAuthenticator;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketBuilder;

/**
 * Accounting-Requests (RFC 2866) of distinct sessions, each lane carrying one session at a time through Start,
 * two Interim-Updates and Stop, in order: a mix of 1/4 Start, 1/2 Interim, 1/4 Stop. Each user has one prebuilt
 * packet per status; per request the generator patches Acct-Session-Id, times, counters and Event-Timestamp and
 * computes the Request Authenticator.
 */
final class AccountingWorkload extends Workload {
    /** Lanes number their sessions {@code lane, lane + stride, ...}, so no two lanes share one. */
    static final long SESSION_STRIDE = 1L << 16;
    /** Which prebuilt packet each step of a session sends: Start, Interim-Update, Interim-Update, Stop. */
    private static final int[] STEP_TEMPLATE = {0, 1, 1, 2};
    private static final int[] TEMPLATE_STATUS = {1, 3, 2}; // Acct-Status-Type Start, Interim-Update, Stop
    private static final int SESSION_ID_LENGTH = 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int ACCT_SESSION_ID = 44;
    private static final int ACCT_SESSION_TIME = 46;
    private static final int ACCT_INPUT_OCTETS = 42;
    private static final int ACCT_OUTPUT_OCTETS = 43;
    private static final int EVENT_TIMESTAMP = 55;

    /** Per status index (0 Start, 1 Interim, 2 Stop), per user. */
    private final byte[][][] templates = new byte[3][][];
    private final int[][][] offsets = new int[3][][];
    private final long sessionBase;

    AccountingWorkload(SharedSecret secret, UserPattern users, long seed) {
        super(secret, users);
        // Session ids differ from run to run, so that a server's session table sees new sessions every time.
        this.sessionBase = (seed & 0xFFFF_FFFFL) << 32;
        for (int status = 0; status < 3; status++) {
            templates[status] = new byte[users.count()][];
            offsets[status] = new int[users.count()][];
            for (int user = 0; user < users.count(); user++) {
                byte[] wire = template(users, user, status).build().toByteArray();
                templates[status][user] = wire;
                offsets[status][user] = new int[] {
                    WireAttributes.valueOffset(wire, wire.length, ACCT_SESSION_ID),
                    WireAttributes.valueOffset(wire, wire.length, ACCT_SESSION_TIME),
                    WireAttributes.valueOffset(wire, wire.length, ACCT_INPUT_OCTETS),
                    WireAttributes.valueOffset(wire, wire.length, ACCT_OUTPUT_OCTETS),
                    WireAttributes.valueOffset(wire, wire.length, EVENT_TIMESTAMP),
                };
            }
        }
    }

    private static RadiusPacketBuilder template(UserPattern users, int user, int status) {
        RadiusPacketBuilder builder = RadiusPacket.builder(DICTIONARY, PacketCode.ACCOUNTING_REQUEST, 0)
                .add("User-Name", users.nameOctets(user))
                .addNumber("Acct-Status-Type", TEMPLATE_STATUS[status])
                .addString("Acct-Session-Id", "0".repeat(SESSION_ID_LENGTH))
                .addAddress("NAS-IP-Address", InetAddress.getLoopbackAddress())
                .addNumber("NAS-Port", user)
                .addNumber("NAS-Port-Type", 5) // Virtual
                .addNumber("Service-Type", 2) // Framed-User
                .addNumber("Framed-Protocol", 1) // PPP
                .addAddress("Framed-IP-Address", framedAddress(user))
                .addNumber("Acct-Delay-Time", 0)
                .addNumber("Event-Timestamp", 0)
                .addNumber("Acct-Session-Time", 0)
                .addNumber("Acct-Input-Octets", 0)
                .addNumber("Acct-Output-Octets", 0);
        if (status == 2) {
            builder.addNumber("Acct-Terminate-Cause", 1); // User-Request
        }
        return builder;
    }

    /** 10.x.y.z from the user number: distinct per user, never sent anywhere. */
    private static InetAddress framedAddress(int user) {
        try {
            return InetAddress.getByAddress(new byte[] {10, (byte) (user >>> 16), (byte) (user >>> 8), (byte) user});
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Override
    int expectedCode() {
        return PacketCode.ACCOUNTING_RESPONSE.value();
    }

    @Override
    boolean isAccess() {
        return false;
    }

    @Override
    int write(Lane lane, int nextUser, int identifier, SplittableRandom random, byte[] out) {
        if (lane.step == 0) {
            lane.user = nextUser;
        }
        int status = STEP_TEMPLATE[lane.step];
        byte[] template = templates[status][lane.user];
        int[] at = offsets[status][lane.user];
        int length = template.length;
        System.arraycopy(template, 0, out, 0, length);
        out[1] = (byte) identifier;
        long sessionId = sessionBase + lane.session;
        for (int i = 0; i < SESSION_ID_LENGTH; i++) {
            out[at[0] + i] = HEX[(int) (sessionId >>> (60 - 4 * i)) & 0xF];
        }
        WireAttributes.writeInt(out, at[1], lane.step * 300);
        WireAttributes.writeInt(out, at[2], lane.step * 1_500_000);
        WireAttributes.writeInt(out, at[3], lane.step * 9_000_000);
        WireAttributes.writeInt(out, at[4], (int) (System.currentTimeMillis() / 1000));
        // RFC 2866 §3: MD5 over the packet with a zero authenticator, then the secret.
        RequestAuthenticator.compute(out, length, secret, out, 4);
        return length;
    }

    @Override
    void completed(Lane lane) {
        lane.step++;
        if (lane.step == STEP_TEMPLATE.length) {
            lane.step = 0;
            lane.session += SESSION_STRIDE;
        }
    }
}
