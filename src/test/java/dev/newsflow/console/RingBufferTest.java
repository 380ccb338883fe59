package dev.newsflow.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RingBufferTest {

    @Test
    void keepsTheLastItemsOldestFirst() {
        RingBuffer<Integer> buffer = new RingBuffer<>(3);
        assertThat(buffer.add(1)).isNull();
        buffer.add(2);
        buffer.add(3);
        assertThat(buffer.add(4)).isEqualTo(1);
        assertThat(buffer.add(5)).isEqualTo(2);
        assertThat(buffer.snapshot()).containsExactly(3, 4, 5);
        assertThat(buffer.size()).isEqualTo(3);
    }

    @Test
    void aSnapshotIsACopy() {
        RingBuffer<String> buffer = new RingBuffer<>(2);
        buffer.add("a");
        List<String> snapshot = buffer.snapshot();
        buffer.add("b");
        assertThat(snapshot).containsExactly("a");
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThatThrownBy(() -> new RingBuffer<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
