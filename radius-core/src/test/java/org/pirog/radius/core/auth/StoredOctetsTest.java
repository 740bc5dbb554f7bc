package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** rlm_pap's rule for stored hashes: hex if the length fits and it is all hex, else base64, else the octets. */
class StoredOctetsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String MD5_HEX = "17712687b3d6a97b9516000c9ff92ec8";

    @Test
    void hexOfTwiceTheLengthIsDecoded() {
        assertThat(StoredOctets.normalise(ascii(MD5_HEX), 16)).isEqualTo(HEX.parseHex(MD5_HEX));
        assertThat(StoredOctets.normalise(ascii(MD5_HEX.toUpperCase()), 16)).isEqualTo(HEX.parseHex(MD5_HEX));
    }

    @Test
    void base64IsDecodedWhenItHoldsAtLeastTheMinimum() {
        assertThat(StoredOctets.normalise(ascii("F3Emh7PWqXuVFgAMn/kuyA=="), 16)).isEqualTo(HEX.parseHex(MD5_HEX));
        // Unpadded base64 is read too.
        assertThat(StoredOctets.normalise(ascii("F3Emh7PWqXuVFgAMn/kuyA"), 16)).isEqualTo(HEX.parseHex(MD5_HEX));
    }

    @Test
    void hexThatAlsoReadsAsBase64IsHex() {
        // 40 hex digits are valid base64 too; hex wins because it is tried first (SHA-Password, 20 octets).
        byte[] sha1 = HEX.parseHex("28d5c6d411d27d4992a4350337b38137438d719c");
        assertThat(StoredOctets.normalise(ascii("28d5c6d411d27d4992a4350337b38137438d719c"), 20)).isEqualTo(sha1);
    }

    @Test
    void tooShortOrUndecodableTextStaysAsItIs() {
        assertThat(StoredOctets.normalise(ascii("1771268"), 16)).isEqualTo(ascii("1771268"));
        assertThat(StoredOctets.normalise(ascii("not base64 at all!!!!!!"), 16))
                .isEqualTo(ascii("not base64 at all!!!!!!"));
        // Base64 decoding to fewer octets than the minimum is not taken.
        assertThat(StoredOctets.normalise(ascii("QUJDREVGR0hJSktMTU5P"), 16)).isEqualTo(ascii("QUJDREVGR0hJSktMTU5P"));
    }

    @Test
    void binaryValuesStayBinary() {
        byte[] digest = HEX.parseHex(MD5_HEX);
        assertThat(StoredOctets.normalise(digest, 16)).isEqualTo(digest);
    }

    @Test
    void octetsValuesWrittenAs0xAreHex() {
        assertThat(StoredOctets.ofValue("0xA19E4457D58627F57BC3DB0110B041EF"))
                .isEqualTo(HEX.parseHex("a19e4457d58627f57bc3db0110b041ef"));
        assertThat(StoredOctets.ofValue("0xnothex")).isEqualTo(ascii("0xnothex"));
        assertThat(StoredOctets.ofValue("A19E")).isEqualTo(ascii("A19E"));
    }

    @Test
    void adaptedBase64ReadsDotAsPlus() {
        assertThat(StoredOctets.base64(ascii("a.8"), 0, 3, true)).isEqualTo(StoredOctets.base64(ascii("a+8"), 0, 3,
                false));
        assertThat(StoredOctets.base64(ascii("a.8"), 0, 3, false)).isNull();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
