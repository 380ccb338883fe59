package dev.newsflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.config.NewsflowConfig;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.schema.RawArticle;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PassthroughTopologyTest {

    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(0, null);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void rawArticlesAreWrittenUnchangedKeyedByArticleId() {
        NewsflowConfig config = NewsflowConfig.defaults().toBuilder().schemaRegistryUrl(registry.url()).build();
        Topics topics = Topics.create(config, RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url())));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "passthrough-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        RawArticle article = ArticleValidatorTest.valid().setId("p-1").setTitle("<b>untouched</b>").build();

        try (TopologyTestDriver driver = new TopologyTestDriver(PassthroughTopology.build(topics), props)) {
            driver.createInputTopic(config.inputTopics().get(0), new ByteArraySerializer(), new ByteArraySerializer())
                    .pipeInput("crawler-key".getBytes(), topics.rawSerde().serializer().serialize(config.inputTopics().get(0), article));
            TestRecord<String, RawArticle> out = driver.createOutputTopic(config.outputTopic(),
                    topics.keySerde().deserializer(), topics.rawSerde().deserializer()).readRecord();

            assertThat(out.key()).isEqualTo("p-1");
            assertThat(out.value()).isEqualTo(article);
        }
    }
}
