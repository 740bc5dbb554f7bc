package org.pirog.radius.core.client;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.dictionary.Dictionary;
import org.pirog.radius.codec.packet.PacketCode;
import org.pirog.radius.codec.packet.RadiusPacket;
import org.pirog.radius.codec.packet.RadiusPacketDecoder;
import org.pirog.radius.codec.packet.RadiusPacketEncoder;

/**
 * A RADIUS server for client tests: a plain DatagramSocket on 127.0.0.1 and an ephemeral port, one thread, and a
 * script that says which datagrams to answer each request with. It records every datagram it received.
 */
final class TestResponder implements AutoCloseable {
    static final Dictionary DICTIONARY = Dictionary.pirog();

    /** The datagrams to send back for one received request; {@code copy} counts identical datagrams, from 1. */
    interface Script {
        List<byte[]> answer(RadiusPacket request, int copy) throws Exception;
    }

    private final DatagramSocket socket;
    private final DatagramSocket otherSocket;
    private final Script script;
    private final Thread thread;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Integer> copies = new ConcurrentHashMap<>();
    private volatile boolean answerFromOtherPort;
    private volatile Throwable failure;

    private TestResponder(Script script) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.otherSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        // Hundreds of requests arrive at once in the concurrency tests; the default buffer would drop some.
        socket.setReceiveBufferSize(4 << 20);
        this.script = script;
        this.thread = new Thread(this::run, "test-responder");
        thread.setDaemon(true);
    }

    static TestResponder start(Script script) throws SocketException {
        TestResponder responder = new TestResponder(script);
        responder.thread.start();
        return responder;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Every datagram received so far, in order. */
    List<byte[]> received() {
        return List.copyOf(received);
    }

    /** Sends the answers from a second socket, as a spoofer on another port would. */
    void answerFromOtherPort() {
        answerFromOtherPort = true;
    }

    /** The first exception the script threw, if any. */
    Throwable failure() {
        return failure;
    }

    static byte[] sign(RadiusPacket reply, SharedSecret secret) {
        return RadiusPacketEncoder.encode(reply, secret);
    }

    /** An Access-Accept (or Accounting-Response) with a Message-Authenticator and Reply-Message = User-Name. */
    static byte[] accept(RadiusPacket request, SharedSecret secret) {
        boolean accounting = request.code() == PacketCode.ACCOUNTING_REQUEST;
        var builder = request.replyBuilder(accounting ? PacketCode.ACCOUNTING_RESPONSE : PacketCode.ACCESS_ACCEPT);
        if (!accounting) {
            builder.addMessageAuthenticator();
        }
        int user = request.indexOf(DICTIONARY.attribute("User-Name"));
        if (user >= 0) {
            builder.addString("Reply-Message", request.stringValue(user));
        }
        return sign(builder.build(), secret);
    }

    private void run() {
        RadiusPacketDecoder decoder = new RadiusPacketDecoder(DICTIONARY);
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
                byte[] octets = Arrays.copyOf(buffer, datagram.getLength());
                received.add(octets);
                int copy = copies.merge(HexFormat.of().formatHex(octets), 1, Integer::sum);
                RadiusPacket request = decoder.decode(octets);
                DatagramSocket from = answerFromOtherPort ? otherSocket : socket;
                for (byte[] answer : script.answer(request, copy)) {
                    from.send(new DatagramPacket(answer, answer.length, datagram.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (Exception e) {
                failure = e;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        otherSocket.close();
        thread.join(5_000);
    }
}
