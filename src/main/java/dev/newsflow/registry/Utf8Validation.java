package dev.newsflow.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Checks that Avro string bytes are well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF). Java would otherwise decode bad bytes to U+FFFD silently, and an article's text would change without
 * anyone being told.
 */
final class Utf8Validation {

    /** A string in the record is not UTF-8; carries enough context to find it. */
    static final class InvalidUtf8Exception extends IOException {
        InvalidUtf8Exception(String message) {
            super(message);
        }
    }

    private Utf8Validation() {
    }

    /** Throws when bytes[0, length) is not well-formed UTF-8. */
    static void check(byte[] bytes, int length) throws InvalidUtf8Exception {
        int bad = firstInvalid(bytes, length);
        if (bad >= 0) {
            int from = Math.max(0, bad - 40);
            String before = new String(bytes, from, bad - from, StandardCharsets.UTF_8);
            throw new InvalidUtf8Exception(String.format("a string of %d bytes is not valid UTF-8: byte 0x%02x at "
                    + "offset %d, after '%s'", length, bytes[bad] & 0xff, bad, before));
        }
    }

    /** Index of the first byte that starts an ill-formed sequence, or -1. */
    static int firstInvalid(byte[] b, int length) {
        int i = 0;
        while (i < length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    lo = 0xA0; // no overlong three-byte forms
                } else if (c == 0xED) {
                    hi = 0x9F; // no UTF-16 surrogates
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    lo = 0x90; // no overlong four-byte forms
                } else if (c == 0xF4) {
                    hi = 0x8F; // nothing above U+10FFFF
                }
            } else {
                return i;
            }
            if (i + need >= length) { // truncated sequence
                return i;
            }
            int second = b[i + 1] & 0xff;
            if (second < lo || second > hi) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xff;
                if (cont < 0x80 || cont > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }
}
