package dev.newsflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChaosScenarioTest {

    @Test
    void everyScenarioIsFoundByItsCommandLineName() {
        for (ChaosScenario scenario : ChaosScenario.values()) {
            assertThat(ChaosScenario.fromLabel(scenario.label())).isEqualTo(scenario);
        }
        assertThat(ChaosScenario.fromLabel("broker-restart")).isEqualTo(ChaosScenario.BROKER_RESTART);
        assertThatThrownBy(() -> ChaosScenario.fromLabel("meteor")).hasMessageContaining("meteor");
    }
}
