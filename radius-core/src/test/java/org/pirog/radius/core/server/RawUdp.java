package org.pirog.radius.core.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** A plain UDP socket for tests that must control every byte: retransmissions, garbage, foreign sources. */
final class RawUdp implements AutoCloseable {
    private final DatagramSocket socket;

    RawUdp(String localAddress) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
    }

    void send(byte[] datagram, InetSocketAddress server) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, server));
    }

    /** The next datagram, or null if none arrives within {@code timeoutMillis}. */
    byte @Nullable [] receive(int timeoutMillis) throws IOException {
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(timeoutMillis);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buffer, packet.getLength());
    }

    @Override
    public void close() {
        socket.close();
    }
}
