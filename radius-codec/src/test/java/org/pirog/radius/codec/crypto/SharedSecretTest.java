package org.pirog.radius.codec.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SharedSecretTest {

    @Test
    void stringIsUtf8() {
        SharedSecret s = SharedSecret.of("sécret");
        assertThat(s.toByteArray()).isEqualTo("sécret".getBytes(StandardCharsets.UTF_8));
        assertThat(s.length()).isEqualTo(7);
    }

    @Test
    void copiesInputAndOutput() {
        byte[] raw = {1, 2, 3};
        SharedSecret s = SharedSecret.of(raw);
        raw[0] = 9;
        s.toByteArray()[1] = 9;
        assertThat(s.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void emptyIsRejected() {
        assertThatThrownBy(() -> SharedSecret.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedSecret.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsOnContent() {
        assertThat(SharedSecret.of("xyzzy5461")).isEqualTo(SharedSecret.of("xyzzy5461".getBytes(StandardCharsets.US_ASCII)))
                .hasSameHashCodeAs(SharedSecret.of("xyzzy5461"))
                .isNotEqualTo(SharedSecret.of("xyzzy5462"));
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(SharedSecret.of("xyzzy5461").toString()).doesNotContain("xyzzy").contains("9");
    }

    @Test
    void updateDigestFeedsTheSecret() throws Exception {
        MessageDigest md = Md5.perThread();
        SharedSecret.of("abc").updateDigest(md);
        // RFC 1321 §A.5: MD5("abc")
        assertThat(HexFormat.of().formatHex(md.digest())).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    }
}
