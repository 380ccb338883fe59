package dev.newsflow.registry;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde options, under Confluent's names so existing client configs work unchanged.
 *
 * @param autoRegister     register the record's schema under the subject if it is not there yet
 * @param useLatestVersion write with the id of the subject's latest version instead of registering
 * @param specificReader   deserialize into generated SpecificRecord classes instead of GenericRecord
 */
public record AvroSerdeConfig(boolean autoRegister, boolean useLatestVersion, boolean specificReader) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    public static final AvroSerdeConfig DEFAULTS = new AvroSerdeConfig(true, false, false);

    public static AvroSerdeConfig fromConfig(Map<String, ?> config) {
        return new AvroSerdeConfig(flag(config, AUTO_REGISTER_SCHEMAS, DEFAULTS.autoRegister),
                flag(config, USE_LATEST_VERSION, DEFAULTS.useLatestVersion),
                flag(config, SPECIFIC_AVRO_READER, DEFAULTS.specificReader));
    }

    private static boolean flag(Map<String, ?> config, String key, boolean dflt) {
        Object v = config.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException(key, v, "expected true or false");
    }
}
