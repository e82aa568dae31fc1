package io.secrethub.core.crypto;

import java.util.HexFormat;

/** Lower-case hex, as fingerprints are written. */
public final class Hex {
    private Hex() {}

    public static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
