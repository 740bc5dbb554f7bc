package org.pirog.radius.codec.mschap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void ntHashOfRfc2759Example() {
        // RFC 2759 §9.2: Password "clientPass" -> PasswordHash, PasswordHashHash.
        byte[] hash = NtPasswordHash.of("clientPass");
        assertThat(HEX.formatHex(hash)).isEqualTo("44EBBA8D5312B8D611474411F56989AE");
        assertThat(HEX.formatHex(NtPasswordHash.hashOfHash(hash))).isEqualTo("41C00C584BD2D91C4017A2A12FA59F3F");
    }

    @Test
    void ntHashOfRfc2433Example() {
        // RFC 2433 §B.2 (and RFC 2759 §9.3): "MyPw".
        assertThat(HEX.formatHex(NtPasswordHash.of("MyPw"))).isEqualTo("FC156AF7EDCD6C0EDDE3337D427F4EAC");
    }

    @Test
    void ntHashIntoAnOffsetAndOfEmptyPassword() {
        byte[] out = new byte[20];
        NtPasswordHash.into("", out, 3);
        // MD4 of the empty string, RFC 1320 §A.5.
        assertThat(HEX.formatHex(out, 3, 19)).isEqualTo("31D6CFE0D16AE931B73C59D7E0C089C0");
        byte[] hh = new byte[18];
        NtPasswordHash.hashOfHashInto(NtPasswordHash.of("clientPass"), 0, hh, 2);
        assertThat(HEX.formatHex(hh, 2, 18)).isEqualTo("41C00C584BD2D91C4017A2A12FA59F3F");
    }

    @Test
    void ntHashUsesUtf16CodeUnits() {
        // Non-ASCII (and non-Latin-1) characters hash as their UTF-16LE code units, like the JDK's encoder.
        String password = "pässwörd€";
        byte[] utf16 = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(utf16, 0, utf16.length);
        byte[] expected = new byte[16];
        md4.doFinal(expected, 0);
        assertThat(NtPasswordHash.of(password)).isEqualTo(expected);
    }

    @Test
    void lmHashKnownAnswers() {
        // The two LM hashes everybody knows (empty and "password"), and "MyPw"; all three also computed with
        // python3 'cryptography' DES following RFC 2433 §A.2.
        assertThat(HEX.formatHex(LmPasswordHash.of(""))).isEqualTo("AAD3B435B51404EEAAD3B435B51404EE");
        assertThat(HEX.formatHex(LmPasswordHash.of("password"))).isEqualTo("E52CAC67419A9A224A3B108F3FA6CB6D");
        assertThat(HEX.formatHex(LmPasswordHash.of("MyPw"))).isEqualTo("75BA30198E6D1975AAD3B435B51404EE");
        assertThat(LmPasswordHash.of("PassWord")).isEqualTo(LmPasswordHash.of("password"));
    }

    @Test
    void lmHashTruncatesTo14Characters() {
        assertThat(LmPasswordHash.of("abcdefghijklmnXYZ")).isEqualTo(LmPasswordHash.of("ABCDEFGHIJKLMN"));
    }

    @Test
    void desKeyExpansionOfRfc2759Section9_3() {
        byte[] out = new byte[8];
        Des.expandKey(HEX.parseHex("FC156AF7EDCD6C"), 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("FD0B5B5E7F6E34D9");
        Des.expandKey(HEX.parseHex("0EDDE3337D427F"), 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("0E6E796737EA08FE");
    }
}
