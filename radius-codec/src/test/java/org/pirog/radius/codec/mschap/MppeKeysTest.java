package org.pirog.radius.codec.mschap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.crypto.SharedSecret;
import org.pirog.radius.codec.crypto.TunnelPasswordCipher;

/**
 * RFC 3079 §3.5 sample MS-CHAP v2 key derivations (same credentials as RFC 2759 §9.2). The expected values were
 * also recomputed independently with python3 hashlib (SHA-1) and a pure-Python MD4, which reproduces the RFC 2759
 * §9.2 chain.
 */
class MppeKeysTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] NT_HASH = HEX.parseHex("44EBBA8D5312B8D611474411F56989AE");
    private static final byte[] HASH_HASH = HEX.parseHex("41C00C584BD2D91C4017A2A12FA59F3F");
    private static final byte[] NT_RESPONSE = HEX.parseHex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");
    private static final byte[] MASTER_KEY = HEX.parseHex("FDECE3717A8C838CB388E527AE3CDD31");
    private static final String SEND_START_KEY_128 = "8B7CDC149B993A1BA118CB153F56DCCB";

    @Test
    void masterKey() {
        assertThat(MppeKeys.masterKey(HASH_HASH, NT_RESPONSE)).isEqualTo(MASTER_KEY);
    }

    @Test
    void sample40Bit() {
        // §3.5.1: SendStartKey40 = 8B 7C DC 14 9B 99 3A 1B, SendSessionKey40 = D1 26 9E C4 9F A6 2E 3E
        byte[] start = MppeKeys.asymmetricStartKey(MASTER_KEY, 8, true, true);
        assertThat(HEX.formatHex(start)).isEqualTo("8B7CDC149B993A1B");
        assertThat(HEX.formatHex(MppeKeys.newKeyFromSha(start, start, 8))).isEqualTo("965C00C49FA62E3E");
        assertThat(HEX.formatHex(MppeKeys.initialSessionKey(start, 40))).isEqualTo("D1269EC49FA62E3E");
    }

    @Test
    void sample56Bit() {
        // §3.5.2: SendSessionKey56 = D1 5C 00 C4 9F A6 2E 3E
        byte[] start = MppeKeys.asymmetricStartKey(MASTER_KEY, 8, true, true);
        assertThat(HEX.formatHex(MppeKeys.initialSessionKey(start, 56))).isEqualTo("D15C00C49FA62E3E");
    }

    @Test
    void sample128Bit() {
        // §3.5.3: SendStartKey128 and SendSessionKey128
        byte[] start = MppeKeys.asymmetricStartKey(MASTER_KEY, 16, true, true);
        assertThat(HEX.formatHex(start)).isEqualTo(SEND_START_KEY_128);
        assertThat(HEX.formatHex(MppeKeys.initialSessionKey(start, 128)))
                .isEqualTo("405CB2247A7956E6E211007AE27B22D4");
    }

    @Test
    void directions() {
        // The server's send key is the client's receive key (Magic3), and the other way round (Magic2).
        byte[] serverSend = MppeKeys.asymmetricStartKey(MASTER_KEY, 16, true, true);
        byte[] clientRecv = MppeKeys.asymmetricStartKey(MASTER_KEY, 16, false, false);
        byte[] serverRecv = MppeKeys.asymmetricStartKey(MASTER_KEY, 16, false, true);
        byte[] clientSend = MppeKeys.asymmetricStartKey(MASTER_KEY, 16, true, false);
        assertThat(serverSend).isEqualTo(clientRecv);
        assertThat(serverRecv).isEqualTo(clientSend).isNotEqualTo(serverSend);
        // Magic2 variant, computed with python3 hashlib.
        assertThat(HEX.formatHex(serverRecv)).isEqualTo("D5F0E9521E3EA9589645E86051C82226");
        assertThat(MppeKeys.serverSendKey(NT_HASH, NT_RESPONSE)).isEqualTo(serverSend);
        assertThat(MppeKeys.serverRecvKey(NT_HASH, NT_RESPONSE)).isEqualTo(serverRecv);
    }

    @Test
    void accessAcceptKeysWrapAndUnwrap() {
        // What a server puts in MS-MPPE-Send-Key / MS-MPPE-Recv-Key (RFC 2548 §2.4.2, §2.4.3) for pppd's
        // require-mppe-128, hidden with distinct salts, and what the NAS gets back.
        SharedSecret secret = SharedSecret.of("xyzzy5461");
        byte[] requestAuth = HEX.parseHex("0F403F9473978057BD83D5CB98F4227A");
        byte[] send = MppeKeys.serverSendKey(NT_HASH, NT_RESPONSE);
        byte[] recv = MppeKeys.serverRecvKey(NT_HASH, NT_RESPONSE);
        byte[] sendAttr = new byte[TunnelPasswordCipher.hiddenLength(16)];
        byte[] recvAttr = new byte[TunnelPasswordCipher.hiddenLength(16)];
        assertThat(sendAttr).hasSize(34);
        TunnelPasswordCipher.hide(send, 0, 16, 0x8001, secret, requestAuth, 0, sendAttr, 0);
        TunnelPasswordCipher.hide(recv, 0, 16, 0x8002, secret, requestAuth, 0, recvAttr, 0);

        byte[] out = new byte[31];
        assertThat(TunnelPasswordCipher.unhide(sendAttr, 0, 34, secret, requestAuth, 0, out, 0)).isEqualTo(16);
        assertThat(HEX.formatHex(out, 0, 16)).isEqualTo(SEND_START_KEY_128);
        assertThat(TunnelPasswordCipher.unhide(recvAttr, 0, 34, secret, requestAuth, 0, out, 0)).isEqualTo(16);
        assertThat(Arrays.copyOf(out, 16)).isEqualTo(recv);
    }

    @Test
    void msChapV1Keys() {
        // RFC 3079 §2: computed with python3 hashlib + pure-Python MD4 + 'cryptography' DES from the RFC 2433
        // §B.2 credentials (password "MyPw", challenge 10 2D B5 DF 08 5D 30 41).
        byte[] challenge = HEX.parseHex("102DB5DF085D3041");
        byte[] hashHash = NtPasswordHash.hashOfHash(NtPasswordHash.of("MyPw"));
        byte[] start128 = MppeKeys.msChapV1StartKey128(challenge, hashHash);
        assertThat(HEX.formatHex(start128)).isEqualTo("CFD3610CD9208EC8134BAEFF555F76CB");
        assertThat(HEX.formatHex(MppeKeys.initialSessionKey(start128, 128)))
                .isEqualTo("AC7B7852CAE9C75BDE259132534CCF9C");
        byte[] start64 = MppeKeys.msChapV1StartKey64(LmPasswordHash.of("MyPw"));
        assertThat(HEX.formatHex(start64)).isEqualTo("75BA30198E6D1975");
        assertThat(HEX.formatHex(MppeKeys.initialSessionKey(start64, 40))).isEqualTo("D1269E8D4D28FD69");
        assertThat(HEX.formatHex(MppeKeys.initialSessionKey(start64, 56))).isEqualTo("D10FE88D4D28FD69");
    }

    @Test
    void badSizesAreRejected() {
        assertThatThrownBy(() -> MppeKeys.asymmetricStartKey(MASTER_KEY, 17, true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MppeKeys.initialSessionKey(new byte[8], 64))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MppeKeys.initialSessionKey(new byte[8], 128))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MppeKeys.masterKey(HASH_HASH, new byte[23]))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
