package org.pirog.radius.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.pirog.radius.codec.crypto.MessageAuthenticator;
import org.pirog.radius.codec.crypto.RequestAuthenticator;
import org.pirog.radius.codec.crypto.ResponseAuthenticator;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.mschap.NtPasswordHash;

/** The reference responder's loop: raw octets in, signed reply out, one flush per read batch. */
final class ReferenceResponderHandler extends ChannelInboundHandlerAdapter {
    private static final int MS_CHAP_CHALLENGE = 11;
    private static final int MS_CHAP2_RESPONSE = 25;
    private static final int MS_CHAP2_SUCCESS = 26;

    private final SharedSecret secret;
    private final UserPattern users;
    /** NT password hash per user, so MS-CHAP2-Success costs two SHA-1 and one MD4, not the password hash too. */
    private final byte[][] ntHashes;
    private final byte[] request = new byte[4096];
    private final byte[] reply = new byte[128];
    private long answered;
    private long dropped;

    ReferenceResponderHandler(SharedSecret secret, UserPattern users) {
        this.secret = secret;
        this.users = users;
        this.ntHashes = new byte[users.count()][];
        for (int user = 0; user < users.count(); user++) {
            ntHashes[user] = NtPasswordHash.of(users.password(user));
        }
    }

    long answered() {
        return answered;
    }

    long dropped() {
        return dropped;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof DatagramPacket datagram) {
                int length = answer(datagram.content());
                if (length > 0) {
                    answered++;
                    InetSocketAddress sender = datagram.sender();
                    ByteBuf out = ctx.alloc().directBuffer(length).writeBytes(reply, 0, length);
                    ctx.write(new DatagramPacket(out, sender), ctx.voidPromise());
                } else {
                    dropped++;
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    /** Writes the reply into {@link #reply} and returns its length, or 0 to drop the request. */
    private int answer(ByteBuf content) {
        int received = content.readableBytes();
        if (received < 20 || received > request.length) {
            return 0;
        }
        content.getBytes(content.readerIndex(), request, 0, received);
        int length = ((request[2] & 0xFF) << 8) | (request[3] & 0xFF);
        if (length < 20 || length > received) {
            return 0;
        }
        return switch (request[0]) {
            case 1 -> accessAccept(length);
            case 4 -> RequestAuthenticator.verify(request, length, secret) ? sign(5, 20) : 0;
            default -> 0;
        };
    }

    private int accessAccept(int length) {
        int ma = WireAttributes.valueOffset(request, length, WireAttributes.MESSAGE_AUTHENTICATOR);
        if (ma < 0 || !MessageAuthenticator.verify(request, length, ma, null, 0, secret)) {
            return 0;
        }
        reply[20] = (byte) WireAttributes.MESSAGE_AUTHENTICATOR;
        reply[21] = 18;
        int replyLength = 38;
        int response = WireAttributes.vendorValueOffset(request, length, WireAttributes.MICROSOFT, MS_CHAP2_RESPONSE);
        if (response >= 0) {
            int challenge = WireAttributes.vendorValueOffset(request, length, WireAttributes.MICROSOFT,
                    MS_CHAP_CHALLENGE);
            int name = WireAttributes.valueOffset(request, length, 1);
            int user = name < 0 ? -1 : userIndex(name, (request[name - 1] & 0xFF) - 2);
            if (challenge < 0 || user < 0) {
                return 0;
            }
            // Vendor-Specific, Microsoft, MS-CHAP2-Success = Ident + "S=<40 hex digits>" (RFC 2548 §2.3.3)
            reply[38] = (byte) WireAttributes.VENDOR_SPECIFIC;
            reply[39] = 51;
            WireAttributes.writeInt(reply, 40, WireAttributes.MICROSOFT);
            reply[44] = MS_CHAP2_SUCCESS;
            reply[45] = 45;
            reply[46] = request[response];
            MsChapV2.authenticatorResponse(ntHashes[user], 0, request, response + 26, request, response + 2,
                    request, challenge, request, name, (request[name - 1] & 0xFF) - 2, reply, 47);
            replyLength = 89;
        }
        return sign(2, replyLength);
    }

    private int sign(int code, int length) {
        reply[0] = (byte) code;
        reply[1] = request[1];
        reply[2] = (byte) (length >>> 8);
        reply[3] = (byte) length;
        if (length > 20) {
            // RFC 3579 §3.2: over the reply with the request's authenticator in the header
            MessageAuthenticator.compute(reply, length, 22, request, 4, secret, reply, 22);
        }
        ResponseAuthenticator.compute(reply, length, request, 4, secret, reply, 4);
        return length;
    }

    /** The number in {@code user00042}, checked against the pattern's name; -1 if it is not one of ours. */
    private int userIndex(int offset, int length) {
        int prefix = users.namePrefix().length();
        int number = 0;
        for (int i = prefix; i < length; i++) {
            int digit = request[offset + i] - '0';
            if (digit < 0 || digit > 9 || number > users.count()) {
                return -1;
            }
            number = number * 10 + digit;
        }
        return length > prefix && number < users.count() ? number : -1;
    }
}
