package dev.newsflow.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;

/** JSON, path and schema-text helpers shared by the REST client and the embedded registry. */
final class RegistryJson {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, "
            + "application/json";

    /** Registries add fields over time (references, schemaType, metadata); ignore what we do not use. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RegistryJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Percent-encodes one path segment; URLEncoder alone would turn spaces into '+', which paths do not decode. */
    static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Decodes one raw path segment, keeping a literal '+' (only query strings use '+' for space). */
    static String decodeSegment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Parses schema text from a registry. Defaults are not validated here: a writer schema that some
     * other producer registered with a sloppy default must still let us decode its data.
     */
    static Schema parseLenient(String text) {
        return new Schema.Parser().setValidateDefaults(false).parse(text);
    }

    /** Parses schema text strictly, as a registry must before accepting it. */
    static Schema parseStrict(String text) {
        return new Schema.Parser().parse(text);
    }
}
