package org.pirog.radius.codec.mschap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NtKeyScheduleTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void givesTheRfc2759NtResponse() {
        // RFC 2759 §9.2: User "User", password "clientPass".
        byte[] authenticatorChallenge = HEX.parseHex("5b5d7c7d7b3f2f3e3c2c602132262628");
        byte[] peerChallenge = HEX.parseHex("21402324255e262a28295f2b3a337c7e");
        byte[] user = "User".getBytes(StandardCharsets.US_ASCII);
        byte[] ntResponse = HEX.parseHex("82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df");
        NtKeySchedule keys = NtKeySchedule.of(NtPasswordHash.of("clientPass"));
        assertThat(MsChapV2.verifyNtResponse(authenticatorChallenge, 0, peerChallenge, 0, user, 0, user.length, keys,
                ntResponse, 0)).isTrue();
        ntResponse[23] ^= 1;
        assertThat(MsChapV2.verifyNtResponse(authenticatorChallenge, 0, peerChallenge, 0, user, 0, user.length, keys,
                ntResponse, 0)).isFalse();
    }

    @Test
    void matchesChallengeResponseForRandomHashesAndChallenges() {
        Random random = new Random(2433);
        for (int n = 0; n < 200; n++) {
            byte[] hash = new byte[16];
            byte[] challenge = new byte[8];
            random.nextBytes(hash);
            random.nextBytes(challenge);
            byte[] expected = new byte[24];
            MsChapV1.challengeResponse(challenge, 0, hash, 0, expected, 0);
            byte[] actual = new byte[24];
            NtKeySchedule.of(hash).challengeResponse(challenge, 0, actual, 0);
            assertThat(actual).isEqualTo(expected);
        }
    }
}
