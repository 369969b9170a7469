package org.neuromesh.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The test vectors of RFC 5869, appendix A (SHA-256 cases). */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void givenRfc5869Case1_whenDerived_thenTheRfcOutput() {
        byte[] ikm = HEX.parseHex("0b".repeat(22));
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");

        assertArrayEquals(HEX.parseHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"),
                Hkdf.extract(salt, ikm));
        assertArrayEquals(HEX.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b8"
                + "87185865"), Hkdf.sha256(salt, ikm, info, 42));
    }

    @Test
    void givenRfc5869Case2WithLongInputs_whenDerived_thenTheRfcOutput() {
        byte[] ikm = range(0x00, 0x50);
        byte[] salt = range(0x60, 0xb0);
        byte[] info = range(0xb0, 0x100);

        assertArrayEquals(HEX.parseHex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7"
                + "827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"),
                Hkdf.sha256(salt, ikm, info, 82));
    }

    @Test
    void givenRfc5869Case3WithEmptySaltAndInfo_whenDerived_thenTheRfcOutput() {
        byte[] ikm = HEX.parseHex("0b".repeat(22));

        assertArrayEquals(HEX.parseHex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4"
                + "b61a96c8"), Hkdf.sha256(new byte[0], ikm, new byte[0], 42));
    }

    @Test
    void givenALengthBeyond255Blocks_whenDerived_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> Hkdf.sha256(new byte[0], new byte[32], new byte[0],
                255 * 32 + 1));
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }
}
