package org.pirog.radius.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Request, Response and Message-Authenticator against RFC examples and independently computed values. */
class AuthenticatorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SharedSecret SECRET = SharedSecret.of("xyzzy5461");

    // RFC 2865 §7.1: the Access-Request's authenticator and the Access-Accept it gets.
    private static final byte[] RFC2865_REQUEST_AUTH = HEX.parseHex("0f403f9473978057bd83d5cb98f4227a");
    private static final byte[] RFC2865_ACCEPT = HEX.parseHex(
            "0200002686fe220e7624ba2a1005f6bf9b55e0b2060600000001" + "0f06000000000e06c0a80103");

    // RFC 5997 §6: Status-Server with Message-Authenticator, and its Access-Accept.
    private static final byte[] RFC5997_STATUS_SERVER = HEX.parseHex(
            "0cda00268a54f4686fb394c52866e302185d0623" + "50125a665e2e1e8411f3e243822097c84fa3");
    private static final byte[] RFC5997_ACCEPT = HEX.parseHex("02da0014ef0d552a4bf2d693ec2b6fe8b5411d66");

    /*
     * Accounting-Request, Id 0x2a: User-Name "nemo", Acct-Status-Type Start, Acct-Session-Id "0001". Neither
     * RFC 2866 nor RFC 5176 gives an example; the authenticator was computed independently with python3:
     * hashlib.md5(hdr + b'\0'*16 + attrs + b'xyzzy5461').
     */
    private static final byte[] ACCOUNTING = HEX.parseHex(
            "042a0026" + "7f043e22068f9468d328d20e1db30d30" + "01066e656d6f2806000000012c0630303031");

    /*
     * The same attributes plus Message-Authenticator, Id 0x2b, computed with python3 hmac/hashlib: first
     * HMAC-MD5 over the packet with a zero authenticator and zero value, then MD5 for the Request Authenticator.
     */
    private static final byte[] ACCOUNTING_WITH_MA = HEX.parseHex(
            "042b0038" + "8a3b81170a9f10fc6d8e7ec87eafa3cf" + "01066e656d6f2806000000012c0630303031"
                    + "5012b15018298e627c3478d844a0924e045f");

    @Test
    void responseAuthenticatorOfRfc2865Example() {
        byte[] out = new byte[16];
        ResponseAuthenticator.compute(RFC2865_ACCEPT, RFC2865_ACCEPT.length, RFC2865_REQUEST_AUTH, 0, SECRET, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("86fe220e7624ba2a1005f6bf9b55e0b2");
        assertThat(ResponseAuthenticator.verify(RFC2865_ACCEPT, RFC2865_ACCEPT.length, RFC2865_REQUEST_AUTH, 0, SECRET))
                .isTrue();
    }

    @Test
    void responseAuthenticatorOfRfc5997Example() {
        assertThat(ResponseAuthenticator.verify(RFC5997_ACCEPT, 20, RFC5997_STATUS_SERVER, 4, SECRET)).isTrue();
    }

    @Test
    void responseAuthenticatorRejectsTampering() {
        byte[] accept = RFC2865_ACCEPT.clone();
        accept[accept.length - 1] ^= 1;
        assertThat(ResponseAuthenticator.verify(accept, accept.length, RFC2865_REQUEST_AUTH, 0, SECRET)).isFalse();
        assertThat(ResponseAuthenticator.verify(RFC2865_ACCEPT, RFC2865_ACCEPT.length, RFC2865_REQUEST_AUTH, 0,
                SharedSecret.of("xyzzy5462"))).isFalse();
    }

    @Test
    void responseAuthenticatorWrittenInPlace() {
        byte[] accept = RFC2865_ACCEPT.clone();
        Arrays.fill(accept, 4, 20, (byte) 0);
        ResponseAuthenticator.compute(accept, accept.length, RFC2865_REQUEST_AUTH, 0, SECRET, accept, 4);
        assertThat(accept).isEqualTo(RFC2865_ACCEPT);
    }

    @Test
    void requestAuthenticatorOfAccountingRequest() {
        byte[] packet = ACCOUNTING.clone();
        byte[] out = new byte[16];
        RequestAuthenticator.compute(packet, packet.length, SECRET, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("7f043e22068f9468d328d20e1db30d30");
        assertThat(packet).as("input not mutated").isEqualTo(ACCOUNTING);
        assertThat(RequestAuthenticator.verify(ACCOUNTING, ACCOUNTING.length, SECRET)).isTrue();
    }

    @Test
    void requestAuthenticatorIgnoresTrailingBytesBeyondLength() {
        byte[] padded = Arrays.copyOf(ACCOUNTING, ACCOUNTING.length + 10);
        Arrays.fill(padded, ACCOUNTING.length, padded.length, (byte) 0x55);
        assertThat(RequestAuthenticator.verify(padded, ACCOUNTING.length, SECRET)).isTrue();
        padded[30] ^= 1;
        assertThat(RequestAuthenticator.verify(padded, ACCOUNTING.length, SECRET)).isFalse();
    }

    @Test
    void messageAuthenticatorOfRfc5997StatusServer() {
        byte[] out = new byte[16];
        MessageAuthenticator.compute(RFC5997_STATUS_SERVER, 38, 22, null, 0, SECRET, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("5a665e2e1e8411f3e243822097c84fa3");
        assertThat(MessageAuthenticator.verify(RFC5997_STATUS_SERVER, 38, 22, null, 0, SECRET)).isTrue();
    }

    @Test
    void messageAuthenticatorRejectsTamperingAnywhere() {
        for (int i = 0; i < RFC5997_STATUS_SERVER.length; i++) {
            byte[] p = RFC5997_STATUS_SERVER.clone();
            p[i] ^= 0x10;
            if (i >= 2 && i < 4) {
                continue; // the length field: changing it changes which bytes are covered
            }
            assertThat(MessageAuthenticator.verify(p, 38, 22, null, 0, SECRET)).as("octet %d", i).isFalse();
        }
    }

    @Test
    void accountingRequestWithMessageAuthenticator() {
        byte[] packet = ACCOUNTING_WITH_MA.clone();
        // Build it the way an encoder does: zero MA value and authenticator, MA first, then the authenticator.
        Arrays.fill(packet, 4, 20, (byte) 0x77); // garbage in the authenticator must not matter
        Arrays.fill(packet, 40, 56, (byte) 0);
        MessageAuthenticator.computeWithZeroAuthenticator(packet, packet.length, 40, SECRET, packet, 40);
        RequestAuthenticator.compute(packet, packet.length, SECRET, packet, 4);
        assertThat(packet).isEqualTo(ACCOUNTING_WITH_MA);
        assertThat(MessageAuthenticator.verifyWithZeroAuthenticator(ACCOUNTING_WITH_MA, 56, 40, SECRET)).isTrue();
        assertThat(RequestAuthenticator.verify(ACCOUNTING_WITH_MA, 56, SECRET)).isTrue();
    }

    @Test
    void replyMessageAuthenticatorUsesTheRequestAuthenticator() {
        // An Access-Accept with only a Message-Authenticator, built as a server would for RFC 5997's request.
        byte[] reply = HEX.parseHex("02da0026" + "00000000000000000000000000000000" + "5012"
                + "00000000000000000000000000000000");
        MessageAuthenticator.compute(reply, 38, 22, RFC5997_STATUS_SERVER, 4, SECRET, reply, 22);
        ResponseAuthenticator.compute(reply, 38, RFC5997_STATUS_SERVER, 4, SECRET, reply, 4);
        assertThat(MessageAuthenticator.verify(reply, 38, 22, RFC5997_STATUS_SERVER, 4, SECRET)).isTrue();
        assertThat(MessageAuthenticator.verify(reply, 38, 22, null, 0, SECRET)).isFalse();
        assertThat(ResponseAuthenticator.verify(reply, 38, RFC5997_STATUS_SERVER, 4, SECRET)).isTrue();
    }

    @Test
    void malformedSizesAreProgrammingErrors() {
        byte[] shortPacket = new byte[19];
        byte[] out = new byte[16];
        assertThatThrownBy(() -> RequestAuthenticator.compute(shortPacket, 19, SECRET, out, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestAuthenticator.compute(ACCOUNTING, 39, SECRET, out, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MessageAuthenticator.compute(RFC5997_STATUS_SERVER, 38, 23, null, 0, SECRET, out, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageAuthenticator.compute(RFC5997_STATUS_SERVER, 38, 20, null, 0, SECRET, out, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResponseAuthenticator.compute(RFC2865_ACCEPT, 38, new byte[10], 0, SECRET, out, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
