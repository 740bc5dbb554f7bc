package org.pirog.radius.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.mschap.LmPasswordHash;

class LmHashTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void smbencryptsValue() {
        assertThat(HEX.formatHex(lm(StoredPasswords.PASSWORD))).isEqualTo(StoredPasswords.LM_HASH);
    }

    @Test
    void sameAsTheCodecsForStrings() {
        for (String password : new String[] {"", "MyPw", "clientPass", "exactly14chars", "longer than fourteen",
            "pässwörd"}) {
            assertThat(lm(password)).as(password).isEqualTo(LmPasswordHash.of(password));
        }
    }

    private static byte[] lm(String password) {
        byte[] out = new byte[16];
        LmHash.into(CharBuffer.wrap(password), new byte[14], out);
        return out;
    }
}
