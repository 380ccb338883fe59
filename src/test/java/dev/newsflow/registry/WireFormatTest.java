package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void headerIsMagicByteThenBigEndianId() {
        byte[] header = new byte[WireFormat.HEADER_SIZE];
        WireFormat.writeHeader(0x01020304, header, 0);
        assertThat(header).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
        assertThat(WireFormat.schemaId(header)).isEqualTo(0x01020304);
    }

    @Test
    void highBytesOfTheIdAreUnsigned() {
        byte[] header = new byte[WireFormat.HEADER_SIZE];
        WireFormat.writeHeader(0x7f80ff01, header, 0);
        assertThat(header).containsExactly(0x00, 0x7f, 0x80, 0xff, 0x01);
        assertThat(WireFormat.schemaId(header)).isEqualTo(0x7f80ff01);
    }

    @Test
    void readsTheHeaderAtAnOffset() {
        byte[] data = {9, 9, 0, 0, 0, 1, 44, 9};
        assertThat(WireFormat.schemaId(data, 2, 5)).isEqualTo(300);
    }

    @Test
    void fewerThanFiveBytesIsTooShort() {
        for (byte[] data : new byte[][] {{}, {0}, {0, 0, 0, 1}}) {
            assertThatThrownBy(() -> WireFormat.schemaId(data))
                    .isInstanceOfSatisfying(AvroWireException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("too-short");
                        assertThat(e.getMessage()).contains(data.length + " bytes");
                    });
        }
    }

    @Test
    void anyOtherFirstByteIsBadMagic() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {(byte) 0xAB, 0, 0, 0, 1}))
                .isInstanceOfSatisfying(AvroWireException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("bad-magic-byte");
                    assertThat(e.getMessage()).contains("0xab");
                    assertThat(e.schemaId()).isEqualTo(AvroWireException.NO_SCHEMA_ID);
                });
    }

    @Test
    void plainJsonIsBadMagicNotTooShort() {
        byte[] json = "{\"id\":\"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WireFormat.schemaId(json))
                .isInstanceOfSatisfying(AvroWireException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("bad-magic-byte"));
    }
}
