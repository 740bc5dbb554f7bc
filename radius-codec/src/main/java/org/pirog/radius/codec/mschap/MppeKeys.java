package org.pirog.radius.codec.mschap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * MPPE key derivation from MS-CHAP credentials (RFC 3079), and the keys a RADIUS server puts in
 * MS-MPPE-Send-Key and MS-MPPE-Recv-Key (RFC 2548 §2.4.2, §2.4.3).
 *
 * <p><b>Directions.</b> RFC 3079 §3.4 GetAsymmetricStartKey picks one of two magic strings by
 * {@code (isSend, isServer)}: the server's send key is the client's receive key (Magic3) and the server's receive
 * key is the client's send key (Magic2). For RADIUS the NAS is the PPP server (the authenticator, e.g. pppd with
 * {@code require-mppe-128}), and MS-MPPE-Send-Key is the key the NAS sends with (RFC 2548 §2.4.2). So the
 * Access-Accept carries {@link #serverSendKey} as MS-MPPE-Send-Key and {@link #serverRecvKey} as
 * MS-MPPE-Recv-Key, each hidden with {@link org.pirog.radius.codec.crypto.TunnelPasswordCipher}. These are start
 * keys: the NAS derives its session keys from them with GetNewKeyFromSHA and the reductions below.
 *
 * <p>Not on the per-packet path (once per session), so these methods return new arrays.
 */
public final class MppeKeys {

    // RFC 3079 §3.4
    private static final byte[] MAGIC1 = ascii("This is the MPPE Master Key");
    private static final byte[] MAGIC2 =
            ascii("On the client side, this is the send key; on the server side, it is the receive key.");
    private static final byte[] MAGIC3 =
            ascii("On the client side, this is the receive key; on the server side, it is the send key.");
    private static final byte[] SHS_PAD1 = new byte[40];
    private static final byte[] SHS_PAD2 = new byte[40];

    static {
        Arrays.fill(SHS_PAD2, (byte) 0xF2);
    }

    private MppeKeys() {
    }

    /** GetMasterKey (RFC 3079 §3.4): first 16 octets of {@code SHA1(PasswordHashHash + NT-Response + Magic1)}. */
    public static byte[] masterKey(byte[] passwordHashHash, byte[] ntResponse) {
        Objects.checkFromIndexSize(0, 16, passwordHashHash.length);
        Objects.checkFromIndexSize(0, MsChapV2.NT_RESPONSE_LENGTH, ntResponse.length);
        PerThread t = PerThread.get();
        MessageDigest sha1 = t.sha1();
        sha1.update(passwordHashHash, 0, 16);
        sha1.update(ntResponse, 0, MsChapV2.NT_RESPONSE_LENGTH);
        sha1.update(MAGIC1);
        return Arrays.copyOf(t.finishSha1(), 16);
    }

    /**
     * GetAsymmetricStartKey (RFC 3079 §3.4): first {@code keyLength} octets of
     * {@code SHA1(MasterKey + SHSpad1 + Magic + SHSpad2)}, Magic3 for the server's send / client's receive key,
     * Magic2 for the server's receive / client's send key.
     *
     * @param keyLength 8 (for 40- and 56-bit keys) or 16 (128-bit)
     */
    public static byte[] asymmetricStartKey(byte[] masterKey, int keyLength, boolean isSend, boolean isServer) {
        checkKeyLength(keyLength);
        Objects.checkFromIndexSize(0, 16, masterKey.length);
        byte[] magic = isSend == isServer ? MAGIC3 : MAGIC2;
        PerThread t = PerThread.get();
        MessageDigest sha1 = t.sha1();
        sha1.update(masterKey, 0, 16);
        sha1.update(SHS_PAD1);
        sha1.update(magic);
        sha1.update(SHS_PAD2);
        return Arrays.copyOf(t.finishSha1(), keyLength);
    }

    /**
     * GetNewKeyFromSHA (RFC 3079 §2.4 and §3.4, RFC 3078 §7.3): first {@code keyLength} octets of
     * {@code SHA1(StartKey + SHSpad1 + SessionKey + SHSpad2)}, both keys truncated to {@code keyLength}.
     */
    public static byte[] newKeyFromSha(byte[] startKey, byte[] sessionKey, int keyLength) {
        checkKeyLength(keyLength);
        Objects.checkFromIndexSize(0, keyLength, startKey.length);
        Objects.checkFromIndexSize(0, keyLength, sessionKey.length);
        PerThread t = PerThread.get();
        MessageDigest sha1 = t.sha1();
        sha1.update(startKey, 0, keyLength);
        sha1.update(SHS_PAD1);
        sha1.update(sessionKey, 0, keyLength);
        sha1.update(SHS_PAD2);
        return Arrays.copyOf(t.finishSha1(), keyLength);
    }

    /** Reduces an 8-octet key to 40 effective bits in place: first octets become 0xD1 0x26 0x9E (RFC 3079 §3.1). */
    public static void reduceTo40Bits(byte[] key) {
        key[0] = (byte) 0xD1;
        key[1] = (byte) 0x26;
        key[2] = (byte) 0x9E;
    }

    /** Reduces an 8-octet key to 56 effective bits in place: the first octet becomes 0xD1 (RFC 3079 §3.2). */
    public static void reduceTo56Bits(byte[] key) {
        key[0] = (byte) 0xD1;
    }

    /**
     * The initial session key from a start key (RFC 3079 §2.1-2.3, §3.1-3.3): GetNewKeyFromSHA of the start key
     * with itself, then reduced for 40 and 56 bits.
     *
     * @param bits 40, 56 (8-octet start key, 8-octet result) or 128 (16 and 16)
     */
    public static byte[] initialSessionKey(byte[] startKey, int bits) {
        int length = switch (bits) {
            case 40, 56 -> 8;
            case 128 -> 16;
            default -> throw new IllegalArgumentException("MPPE key strength must be 40, 56 or 128 bits, not " + bits);
        };
        byte[] key = newKeyFromSha(startKey, startKey, length);
        if (bits == 40) {
            reduceTo40Bits(key);
        } else if (bits == 56) {
            reduceTo56Bits(key);
        }
        return key;
    }

    /** The MS-CHAP v2 master key from the NT hash (not the hash-hash) and the NT-Response. */
    private static byte[] masterKeyFromNtHash(byte[] ntHash, byte[] ntResponse) {
        return masterKey(NtPasswordHash.hashOfHash(ntHash), ntResponse);
    }

    /**
     * The 16-octet key the NAS (PPP server) sends with, for MS-MPPE-Send-Key in an MS-CHAP v2 Access-Accept:
     * GetAsymmetricStartKey(GetMasterKey(MD4(ntHash), ntResponse), 16, isSend, isServer).
     */
    public static byte[] serverSendKey(byte[] ntHash, byte[] ntResponse) {
        return asymmetricStartKey(masterKeyFromNtHash(ntHash, ntResponse), 16, true, true);
    }

    /** The 16-octet key the NAS receives with, for MS-MPPE-Recv-Key; see {@link #serverSendKey}. */
    public static byte[] serverRecvKey(byte[] ntHash, byte[] ntResponse) {
        return asymmetricStartKey(masterKeyFromNtHash(ntHash, ntResponse), 16, false, true);
    }

    /**
     * MS-CHAP v1 start key for 128-bit MPPE (RFC 3079 §2.3, GetStartKey): first 16 octets of
     * {@code SHA1(PasswordHashHash + PasswordHashHash + Challenge)}; the same in both directions.
     */
    public static byte[] msChapV1StartKey128(byte[] challenge8, byte[] passwordHashHash) {
        Objects.checkFromIndexSize(0, MsChapV1.CHALLENGE_LENGTH, challenge8.length);
        Objects.checkFromIndexSize(0, 16, passwordHashHash.length);
        PerThread t = PerThread.get();
        MessageDigest sha1 = t.sha1();
        sha1.update(passwordHashHash, 0, 16);
        sha1.update(passwordHashHash, 0, 16);
        sha1.update(challenge8, 0, MsChapV1.CHALLENGE_LENGTH);
        return Arrays.copyOf(t.finishSha1(), 16);
    }

    /** MS-CHAP v1 start key for 40- and 56-bit MPPE (RFC 3079 §2.1, §2.2): the first 8 octets of the LM hash. */
    public static byte[] msChapV1StartKey64(byte[] lmPasswordHash) {
        return Arrays.copyOf(lmPasswordHash, 8);
    }

    private static void checkKeyLength(int keyLength) {
        if (keyLength < 8 || keyLength > 16) {
            throw new IllegalArgumentException("MPPE key length must be 8..16 octets, not " + keyLength);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
