package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The published OpenAPI document, read once: the schemas requests are validated against, and the
 * field names, enum values and defaults that error messages and the reader take from it. Nothing
 * about the wire format is written down anywhere else in the code.
 */
public final class Contract {

    public static final String RESOURCE = "META-INF/openapi.yaml";
    private static final String SCHEMAS = "/components/schemas/";
    /**
     * The fields of the OpenAPI Object (OpenAPI 3.1, section 4.8.1). A schema is loaded by a pointer
     * into the whole document, so the validator reads the document's root as a schema too; told
     * that these are no schema keywords, it validates nothing with them and has nothing to warn about.
     */
    private static final List<String> DOCUMENT_FIELDS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");

    private static final Contract INSTANCE = new Contract();

    private final JsonNode document;
    private final SchemaRegistry registry;

    private Contract() {
        this.document = read();
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31()).format(new ContractDateTime())
                .keywords(DOCUMENT_FIELDS.stream().map(NonValidationKeyword::new).toList()).build();
        // The dialect makes format an annotation only; the contract's date-time is a rule, so assert it.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDialect(dialect, builder -> builder.schemaRegistryConfig(config));
    }

    public static Contract get() {
        return INSTANCE;
    }

    /** The whole document, as published. */
    public JsonNode document() {
        return document;
    }

    /** A validator for one named schema of components/schemas; cheap to keep, safe to share. */
    public Schema validator(String name) {
        requireSchema(name);
        return registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + SCHEMAS + name));
    }

    /** The named schema's own node, a $ref on the way followed. */
    public JsonNode schema(String name) {
        return resolve(requireSchema(name));
    }

    /** Follows local $refs until a schema with content of its own. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        for (int hops = 0; node != null && node.has("$ref"); hops++) {
            if (hops > 16) {
                throw new IllegalStateException("$ref cycle in " + RESOURCE);
            }
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** The node at a JSON pointer into the document, or a missing node. */
    public JsonNode at(String pointer) {
        return document.at(pointer);
    }

    /** The property names an object schema defines, in the document's order. */
    public List<String> propertyNames(JsonNode objectSchema) {
        List<String> names = new ArrayList<>();
        JsonNode properties = objectSchema.path("properties");
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public List<String> propertyNames(String schemaName) {
        return propertyNames(schema(schemaName));
    }

    /** A property's schema, its $ref followed; a missing node when the object does not define it. */
    public JsonNode property(String schemaName, String property) {
        JsonNode p = schema(schemaName).path("properties").path(property);
        return p.isMissingNode() ? p : resolve(p);
    }

    /** The values of an enum schema, in the document's order. */
    public List<String> enumValues(String schemaName) {
        return values(schema(schemaName).path("enum"));
    }

    public static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private JsonNode requireSchema(String name) {
        JsonNode node = document.at(SCHEMAS + name);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no schema " + name + " in " + RESOURCE);
        }
        return node;
    }

    private static JsonNode read() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
