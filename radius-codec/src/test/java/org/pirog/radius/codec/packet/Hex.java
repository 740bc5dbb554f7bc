package org.pirog.radius.codec.packet;

import java.util.HexFormat;

/** Test vectors are written as the RFCs print them: hex octets separated by white space. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }
}
