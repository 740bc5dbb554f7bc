package org.pirog.radius.codec.packet;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Makes random datagrams and mutations of well-formed ones; seeded, so a failure repeats. */
final class Mutator {
    private Mutator() {
    }

    static byte[] next(SplittableRandom random, List<byte[]> seeds) {
        int choice = random.nextInt(10);
        if (choice == 0) {
            byte[] noise = new byte[random.nextInt(0, 300)];
            random.nextBytes(noise);
            return fixLength(random, noise);
        }
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        byte[] datagram = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            datagram = mutate(random, datagram, seeds);
        }
        return fixLength(random, datagram);
    }

    private static byte[] mutate(SplittableRandom random, byte[] datagram, List<byte[]> seeds) {
        if (datagram.length == 0) {
            return datagram;
        }
        int at = random.nextInt(datagram.length);
        return switch (random.nextInt(7)) {
            case 0 -> {
                datagram[at] ^= (byte) (1 << random.nextInt(8));
                yield datagram;
            }
            case 1 -> {
                datagram[at] = (byte) random.nextInt(256);
                yield datagram;
            }
            case 2 -> {
                // Attribute lengths are where decoders break: aim at small values.
                datagram[at] = (byte) random.nextInt(0, 8);
                yield datagram;
            }
            case 3 -> Arrays.copyOf(datagram, at);
            case 4 -> {
                byte[] longer = Arrays.copyOf(datagram, datagram.length + random.nextInt(1, 20));
                for (int k = datagram.length; k < longer.length; k++) {
                    longer[k] = (byte) random.nextInt(256);
                }
                yield longer;
            }
            case 5 -> {
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = Math.min(other.length, 20 + random.nextInt(Math.max(1, other.length - 20)));
                byte[] spliced = Arrays.copyOf(datagram, Math.min(4096, at + other.length - from));
                System.arraycopy(other, from, spliced, at, spliced.length - at);
                yield spliced;
            }
            default -> {
                byte[] longer = Arrays.copyOf(datagram, Math.min(4096, datagram.length + 255));
                longer[Math.min(at, longer.length - 1)] = (byte) 0xFF;
                yield longer;
            }
        };
    }

    /** Most of the time make the Length field agree with the datagram, so attribute parsing is reached. */
    private static byte[] fixLength(SplittableRandom random, byte[] datagram) {
        if (datagram.length >= 4 && random.nextInt(8) != 0) {
            datagram[2] = (byte) (datagram.length >>> 8);
            datagram[3] = (byte) datagram.length;
        }
        return datagram;
    }
}
