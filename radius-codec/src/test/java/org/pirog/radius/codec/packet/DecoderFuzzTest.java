package org.pirog.radius.codec.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pirog.radius.codec.dictionary.Dictionary;

/**
 * Seeded fuzzing of the decoder: a million random and mutated datagrams either decode or raise
 * {@link MalformedPacketException}, never anything else, and every packet that decodes rebuilds from its attribute
 * values to the same octets.
 */
class DecoderFuzzTest {
    private static final int DATAGRAMS = 1_000_000;
    private static final Path FREERADIUS = Path.of("/usr/share/freeradius/dictionary");

    @Test
    void millionDatagramsDecodeOrRaiseTheOneExceptionAndRoundTrip() throws Exception {
        List<Dictionary> dictionaries = new ArrayList<>();
        dictionaries.add(WimaxContinuationTest.dictionary()); // Pirog's own, and WiMAX continuation without FreeRADIUS
        if (Files.exists(FREERADIUS)) {
            dictionaries.add(Dictionary.load(FREERADIUS));
        }
        int perDictionary = DATAGRAMS / dictionaries.size();
        int decoded = 0;
        int malformed = 0;
        for (Dictionary dictionary : dictionaries) {
            RadiusPacketDecoder decoder = new RadiusPacketDecoder(dictionary, 4096);
            List<byte[]> seeds = SeedPackets.of(dictionary);
            SplittableRandom random = new SplittableRandom(0x5EED_0001L + dictionaries.indexOf(dictionary));
            for (int n = 0; n < perDictionary; n++) {
                byte[] datagram = Mutator.next(random, seeds);
                try {
                    RadiusPacket packet = decoder.decode(datagram);
                    decoded++;
                    byte[] rebuilt = PacketRebuilder.rebuild(packet).toByteArray();
                    if (!Arrays.equals(rebuilt, packet.toByteArray())) {
                        fail("rebuilt differently: " + java.util.HexFormat.of().formatHex(packet.toByteArray()));
                    }
                } catch (MalformedPacketException expected) {
                    malformed++;
                    assertThat(expected.getMessage()).contains("offset");
                } catch (RuntimeException | Error unexpected) {
                    throw new AssertionError("datagram " + java.util.HexFormat.of().formatHex(datagram), unexpected);
                }
            }
        }
        // Both outcomes must be exercised in earnest, or the mutator is too timid or too wild.
        assertThat(decoded).isGreaterThan(DATAGRAMS / 10);
        assertThat(malformed).isGreaterThan(DATAGRAMS / 10);
    }
}
