package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * PBKDF2-Password in the forms FreeRADIUS 3.2 reads, checked with the RFC 6070 (HMAC-SHA1) and RFC 7914 §11
 * (HMAC-SHA256) test vectors: each stored value below is a vector's password, salt, count and derived key written
 * in that form. RFC 7914 gives 64 octets; PBKDF2's first block alone is the 32-octet key (RFC 8018 §5.2).
 */
class Pbkdf2HashTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    @Test
    void rfc6070VectorsInTheCryptPbkdf2LdapForm() throws InvalidStoredPassword {
        assertMatches("password", ldap("HMACSHA1", 1, "salt", "0c60c80f961f0e71f3a9b524af6012062fe037a6"));
        assertMatches("password", ldap("HMACSHA1", 2, "salt", "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"));
        assertMatches("password", ldap("HMACSHA1", 4096, "salt", "4b007901b765489abead49d926f721d065a429c1"));
        // dkLen 25 in the RFC; its first 20 octets are the 20-octet key.
        assertMatches("passwordPASSWORDpassword", ldap("HMACSHA1", 4096, "saltSALTsaltSALTsaltSALTsaltSALTsalt",
                "3d2eec4fe41c849b80c8d83662c0e44a8b291a96"));
    }

    @Test
    void rfc7914VectorsInEveryForm() throws InvalidStoredPassword {
        String key1 = "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc";
        assertMatches("passwd", ldap("HMACSHA2+256", 1, "salt", key1));
        assertMatches("passwd", "{X-PBKDF2}" + ldap("HMACSHA2+256", 1, "salt", key1));
        assertMatches("passwd", "$PBKDF2$HMACSHA2+256:1:" + b64("salt") + "$" + b64(HEX.parseHex(key1)));
        assertMatches("passwd", "$pbkdf2-sha256$1$" + ab64("salt".getBytes(StandardCharsets.US_ASCII)) + "$"
                + ab64(HEX.parseHex(key1)));
        assertMatches("passwd", "{PBKDF2-SHA256}1$" + b64("salt") + "$" + b64(HEX.parseHex(key1)));
        String key2 = "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56";
        assertMatches("Password", "$pbkdf2-sha256$80000$" + ab64("NaCl".getBytes(StandardCharsets.US_ASCII)) + "$"
                + ab64(HEX.parseHex(key2)));
    }

    @Test
    void formsFreeRadiusAcceptedForTheSamePassword() throws InvalidStoredPassword {
        // Generated with python3 hashlib.pbkdf2_hmac; FreeRADIUS 3.2.1 accepted each for "hunter2-pirog" and
        // rejected a wrong password, except the last: 3.2.1 cannot read the '.' of passlib's adapted base64.
        String[] stored = {
            "HMACSHA1:AAAD6A==:cGlyb2ctc2FsdC0xNmJ5dA==:d3OndPDEQziy2JyyaoRztAWwhtQ=",
            "$PBKDF2$HMACSHA2+256:10000:cGlyb2ctc2FsdC0xNmJ5dA==$/K/vWXVfi56vFZ05qcASn33hRE+bvEEjLa/v+as/v3w=",
            "HMACSHA2+224:AAAD6A==:cGlyb2ctc2FsdC0xNmJ5dA==:eQnHcI+GaWz0uDjpvGSJRZ8lzmRTcXWEKMXjdQ==",
            "HMACSHA2+384:AAAD6A==:cGlyb2ctc2FsdC0xNmJ5dA==:ovMOD+o+aQ7CTu1WQXYY7n8dv7BCacdGPJtPyg0gSZ7hhLEci3Fl74495N8493/x",
            "$PBKDF2$HMACSHA2+512:5000:cGlyb2ctc2FsdC0xNmJ5dA==$GO8D2qE5nR5U5pI/rGjBsZPDyOi7TQg1LRh73om2upgKd9zQUqOwYsfe"
                    + "HqbYSuYT14xLLRELkkZtC7WmrDz/Jg==",
            "HMACSHA3+256:AAAD6A==:cGlyb2ctc2FsdC0xNmJ5dA==:qlVLJn4QdJPvA/Ge+l6S8AFWtDiTrlvVT0XRMJexo9c=",
            "$pbkdf2-sha1$1000$cGlyb2ctc2FsdC0xNmJ5dA$d3OndPDEQziy2JyyaoRztAWwhtQ",
            "$pbkdf2-sha256$29000$cGlyb2ctc2FsdC0xNmJ5dA$L0st2G3SNW9BF37ASLkzQBTbWMADV1K4yS/0W9I5Djg",
            "$pbkdf2-sha512$25000$cGlyb2ctc2FsdC0xNmJ5dA$/9nPvYlenT7m4u7J/bYZY2B7X4VHXnc37Zjx0AcK.i8fR/6xJyOJ7zcRO6cU7lre"
                    + "sMwb/r5.OLqaTt5V1Ms5pA",
        };
        for (String value : stored) {
            assertMatches("hunter2-pirog", value);
        }
    }

    @Test
    void iterationsAndDigestAreRead() throws InvalidStoredPassword {
        Pbkdf2Hash hash = Pbkdf2Hash.parse(ascii("HMACSHA2+512:AAATiA==:c2FsdA==:" + b64(new byte[64])));
        assertThat(hash.iterations()).isEqualTo(5000);
        assertThat(hash.algorithm()).isEqualTo(HashAlgorithm.SHA512);
        // rlm_pap raises zero iterations to one.
        assertThat(Pbkdf2Hash.parse(ascii("$PBKDF2$HMACSHA1:0:c2FsdA==$" + b64(new byte[20]))).iterations())
                .isEqualTo(1);
    }

    @Test
    void malformedValuesGiveRlmPapsReasons() {
        assertReason("x", "PBKDF2-Password too short");
        assertReason("garbage", "PBKDF2-Password has no component separators");
        assertReason("HMACMD5:AAAD6A==:c2FsdA==:" + b64(new byte[16]), "Unknown PBKDF2 hash method");
        assertReason("HMACSHA1:", "PBKDF2-Password missing iterations component");
        assertReason("HMACSHA1::c2FsdA==:x", "PBKDF2-Password iterations component too short");
        assertReason("HMACSHA1:AAAD:c2FsdA==:x", "Decoded PBKDF2-Password iterations component is wrong size");
        assertReason("$PBKDF2$HMACSHA1:10x:c2FsdA==$x",
                "PBKDF2-Password iterations field contains an invalid character");
        assertReason("HMACSHA1:AAAD6A==:c2FsdA==", "PBKDF2-Password missing salt component");
        assertReason("HMACSHA1:AAAD6A==::x", "PBKDF2-Password salt component too short");
        assertReason("HMACSHA1:AAAD6A==:c2FsdA==:", "PBKDF2-Password hash component too short");
        assertReason("HMACSHA2+256:AAAD6A==:cGlyb2ctc2FsdC0xNmJ5dA==:d3OndPDEQziy2JyyaoRztAWwhtQ=",
                "PBKDF2-Password hash component length is incorrect for hash type, expected 32, got 20");
        assertReason("$argon2id$v=19$m=65536", "Can't determine format of PBKDF2-Password");
    }

    @Test
    void aWrongPasswordDoesNotMatch() throws InvalidStoredPassword {
        Pbkdf2Hash hash = Pbkdf2Hash.parse(ascii(ldap("HMACSHA1", 2, "salt", "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957")));
        byte[] wrong = ascii("passwore");
        assertThat(hash.matches(wrong, wrong.length)).isFalse();
    }

    private static void assertMatches(String password, String stored) throws InvalidStoredPassword {
        byte[] octets = new byte[64];
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(p, 0, octets, 0, p.length);
        assertThat(Pbkdf2Hash.parse(ascii(stored)).matches(octets, p.length)).as(stored).isTrue();
        assertThat(Pbkdf2Hash.parse(ascii(stored)).matches(octets, p.length - 1)).as(stored).isFalse();
    }

    private static void assertReason(String stored, String reason) {
        assertThatThrownBy(() -> Pbkdf2Hash.parse(ascii(stored))).isInstanceOf(InvalidStoredPassword.class)
                .hasMessage(reason);
    }

    /** Crypt::PBKDF2's LDAP form: the count as base64 of 4 big-endian octets. */
    private static String ldap(String digest, int iterations, String salt, String hexKey) {
        byte[] count = {(byte) (iterations >>> 24), (byte) (iterations >>> 16), (byte) (iterations >>> 8),
            (byte) iterations};
        return digest + ":" + b64(count) + ":" + b64(salt) + ":" + b64(HEX.parseHex(hexKey));
    }

    private static String b64(String s) {
        return b64(ascii(s));
    }

    private static String b64(byte[] b) {
        return B64.encodeToString(b);
    }

    /** passlib's adapted base64: '.' for '+', no padding. */
    private static String ab64(byte[] b) {
        return Base64.getEncoder().withoutPadding().encodeToString(b).replace('+', '.');
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
