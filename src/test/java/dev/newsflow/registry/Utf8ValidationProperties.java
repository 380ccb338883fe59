package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Our UTF-8 check agrees with the JDK's strict decoder on every byte sequence, valid or not. */
class Utf8ValidationProperties {

    @Property(tries = 1000)
    void agreesWithTheJdkDecoder(@ForAll("mostlyText") byte[] bytes) {
        assertThat(Utf8Validation.firstInvalid(bytes, bytes.length) < 0).isEqualTo(jdkAccepts(bytes));
    }

    @Property(tries = 300)
    void everyJavaStringEncodesToValidUtf8(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8Validation.firstInvalid(bytes, bytes.length)).isEqualTo(-1);
    }

    /** Random bytes alone are almost never valid; splicing in encoded text tests both answers. */
    @Provide
    Arbitrary<byte[]> mostlyText() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(8).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> edges = Arbitraries.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
                new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD});
        return Arbitraries.oneOf(random, text, edges).list().ofMaxSize(4).map(parts -> {
            ByteBuffer out = ByteBuffer.allocate(parts.stream().mapToInt(p -> p.length).sum());
            parts.forEach(out::put);
            return out.array();
        });
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
