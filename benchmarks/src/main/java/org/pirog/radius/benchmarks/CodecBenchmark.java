package org.pirog.radius.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pirog.radius.codec.dictionary.AttributeDefinition;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.mschap.MppeKeys;
import org.pirog.radius.codec.mschap.MsChapV2;
import org.pirog.radius.codec.mschap.NtKeySchedule;
import org.pirog.radius.codec.mschap.NtPasswordHash;
import org.pirog.radius.codec.packet.MalformedPacketException;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;

/**
 * What one Access-Request from pppd costs the codec: decoding it, checking its Message-Authenticator and its
 * MS-CHAPv2 response, and encoding the Access-Accept pppd needs for {@code require-mppe-128}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {
    private Dictionary dictionary;
    private RadiusPacketDecoder decoder;
    private ByteBuf datagram;
    private ByteBuf out;
    private RadiusPacket request;
    private AttributeDefinition userName;
    private AttributeDefinition challenge;
    private AttributeDefinition msChap2Response;
    private AttributeDefinition msChap2Success;
    private AttributeDefinition sendKey;
    private AttributeDefinition recvKey;
    private AttributeDefinition userPassword;
    private RadiusPacket papRequest;
    private byte[] ntHash;
    private NtKeySchedule keySchedule;
    private byte[] success;
    private byte[] serverSendKey;
    private byte[] serverRecvKey;
    private InetAddress framedAddress;
    private final byte[] scratchChallenge = new byte[16];
    private final byte[] scratchResponse = new byte[50];
    private final byte[] scratchName = new byte[253];
    private final byte[] scratchHash = new byte[16];
    private final byte[] plaintext = new byte[128];

    @Setup
    public void setUp() throws Exception {
        dictionary = Dictionary.pirog();
        decoder = new RadiusPacketDecoder(dictionary);
        byte[] bytes = PppdRequest.datagram(dictionary);
        datagram = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        request = decoder.decode(bytes);
        userName = dictionary.attribute("User-Name");
        challenge = dictionary.attribute("MS-CHAP-Challenge");
        msChap2Response = dictionary.attribute("MS-CHAP2-Response");
        msChap2Success = dictionary.attribute("MS-CHAP2-Success");
        sendKey = dictionary.attribute("MS-MPPE-Send-Key");
        recvKey = dictionary.attribute("MS-MPPE-Recv-Key");
        userPassword = dictionary.attribute("User-Password");
        ntHash = NtPasswordHash.of(PppdRequest.PASSWORD);
        keySchedule = NtKeySchedule.of(ntHash);
        String s = MsChapV2.authenticatorResponse(ntHash, PppdRequest.NT_RESPONSE, PppdRequest.PEER_CHALLENGE,
                PppdRequest.AUTHENTICATOR_CHALLENGE, PppdRequest.USER);
        success = new byte[1 + s.length()];
        success[0] = 1;
        System.arraycopy(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, success, 1, s.length());
        serverSendKey = MppeKeys.serverSendKey(ntHash, PppdRequest.NT_RESPONSE);
        serverRecvKey = MppeKeys.serverRecvKey(ntHash, PppdRequest.NT_RESPONSE);
        framedAddress = InetAddress.getByName("10.8.0.17");
        papRequest = RadiusPacket.builder(dictionary, PacketCode.ACCESS_REQUEST, 1)
                .addString("User-Name", "alice")
                .addHidden(userPassword, "correct horse".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        PppdRequest.SECRET)
                .build();
        if (!fullAccessRequestCheck()) {
            throw new IllegalStateException("the fixture does not verify");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        datagram.release();
        out.release();
    }

    /** Decode of the pppd MS-CHAPv2 Access-Request from a direct buffer, as a datagram arrives. */
    @Benchmark
    public RadiusPacket decodePppdAccessRequest() throws MalformedPacketException {
        return decoder.decode(datagram);
    }

    @Benchmark
    public boolean verifyMessageAuthenticator() {
        return request.hasValidMessageAuthenticator(PppdRequest.SECRET, null);
    }

    /** RFC 2865 §5.2 User-Password revealed into a reused array. */
    @Benchmark
    public int unhidePap() {
        return papRequest.unhide(papRequest.indexOf(userPassword), PppdRequest.SECRET, null, plaintext, 0);
    }

    /** MS-CHAPv2 NT-Response check against a stored NT hash (NT-Password). */
    @Benchmark
    public boolean verifyMsChapV2() {
        return checkMsChapV2(request, ntHash);
    }

    /**
     * MS-CHAPv2 NT-Response check with the account's DES key schedules kept ({@code NtKeySchedule}), as the server
     * does: no key schedule per request.
     */
    @Benchmark
    public boolean verifyMsChapV2WithKeptSchedule() {
        int c = request.indexOf(challenge);
        int r = request.indexOf(msChap2Response);
        int u = request.indexOf(userName);
        request.copyValue(c, scratchChallenge, 0);
        request.copyValue(r, scratchResponse, 0);
        int nameLength = request.copyValue(u, scratchName, 0);
        int nameStart = MsChapV2.userNameStart(scratchName, 0, nameLength);
        return MsChapV2.verifyNtResponse(scratchChallenge, 0, scratchResponse, 2, scratchName, nameStart,
                nameLength - nameStart, keySchedule, scratchResponse, 26);
    }

    /** MS-CHAPv2 NT-Response check against a cleartext password: MD4 of it first. */
    @Benchmark
    public boolean verifyMsChapV2FromCleartext() {
        NtPasswordHash.into(PppdRequest.PASSWORD, scratchHash, 0);
        return checkMsChapV2(request, scratchHash);
    }

    /** The whole check of an arriving request: decode, Message-Authenticator, MS-CHAPv2 from cleartext. */
    @Benchmark
    public boolean fullAccessRequestCheck() throws MalformedPacketException {
        RadiusPacket packet = decoder.decode(datagram);
        if (!packet.hasValidMessageAuthenticator(PppdRequest.SECRET, null)) {
            return false;
        }
        NtPasswordHash.into(PppdRequest.PASSWORD, scratchHash, 0);
        return checkMsChapV2(packet, scratchHash);
    }

    /**
     * The Access-Accept for pppd with require-mppe-128: Message-Authenticator, MS-CHAP2-Success, salted
     * MS-MPPE-Send/Recv-Key, encryption policy and types, and six session attributes; built and signed.
     */
    @Benchmark
    public ByteBuf encodeAccessAccept() {
        RadiusPacket accept = request.replyBuilder(PacketCode.ACCESS_ACCEPT)
                .addMessageAuthenticator()
                .add(msChap2Success, success)
                .addHidden(sendKey, serverSendKey, PppdRequest.SECRET)
                .addHidden(recvKey, serverRecvKey, PppdRequest.SECRET)
                .addNumber("MS-MPPE-Encryption-Policy", 2)
                .addNumber("MS-MPPE-Encryption-Types", 4)
                .addNumber("Service-Type", 2)
                .addNumber("Framed-Protocol", 1)
                .addAddress("Framed-IP-Address", framedAddress)
                .addNumber("Session-Timeout", 86_400)
                .addNumber("Idle-Timeout", 600)
                .addNumber("Acct-Interim-Interval", 300)
                .build();
        out.clear();
        RadiusPacketEncoder.encode(accept, PppdRequest.SECRET, out);
        return out;
    }

    private boolean checkMsChapV2(RadiusPacket packet, byte[] hash) {
        int c = packet.indexOf(challenge);
        int r = packet.indexOf(msChap2Response);
        int u = packet.indexOf(userName);
        if (c < 0 || r < 0 || u < 0 || packet.valueLength(c) != 16 || packet.valueLength(r) != 50) {
            return false;
        }
        packet.copyValue(c, scratchChallenge, 0);
        packet.copyValue(r, scratchResponse, 0);
        int nameLength = packet.copyValue(u, scratchName, 0);
        int nameStart = MsChapV2.userNameStart(scratchName, 0, nameLength);
        return MsChapV2.verifyNtResponse(scratchChallenge, 0, scratchResponse, 2, scratchName, nameStart,
                nameLength - nameStart, hash, 0, scratchResponse, 26);
    }
}
