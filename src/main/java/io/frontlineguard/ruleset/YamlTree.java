package io.frontlineguard.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The one way the rules folder's YAML files (thresholds, lessons, scenarios) are read: to a Jackson
 * tree that remembers where every mapping and every key stands, so each problem can name its line
 * and column. Anchors, aliases and merge keys ({@code <<: *base}) are resolved here: authors use
 * them to keep scenario files short. Duplicate keys are refused.
 */
public final class YamlTree {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /**
     * Values a file may expand to once its aliases are resolved. Aliases of aliases multiply: nine
     * levels of ten make a billion values from a few hundred bytes, which would take the whole heap
     * of whoever reads the file (the service's reload, an impact replay, guard check). The biggest
     * built-in file has a few thousand.
     */
    static final int MAX_VALUES = 200_000;

    private final String file;
    private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    private final Map<JsonNode, Map<String, int[]>> keys = new IdentityHashMap<>();
    private final Map<JsonNode, int[]> starts = new IdentityHashMap<>();
    private int values;
    private final List<RuleProblem> duplicates = new java.util.ArrayList<>();

    private YamlTree(String file) {
        this.file = file;
    }

    /** A parsed file: its tree, the line of each mapping, and the line and column of each key. */
    public record Parsed(String file, JsonNode root, Map<JsonNode, Integer> lines, Map<JsonNode, Map<String, int[]>> keys,
                         Map<JsonNode, int[]> starts, List<RuleProblem> duplicates) {

        /** A problem at a node of the tree (a list item, a value), or at line 1 for a node made elsewhere. */
        public RuleProblem problemAt(JsonNode node, String message) {
            int[] at = starts.get(node);
            return at == null ? RuleProblem.error(file, lines.getOrDefault(node, 1), 1, message)
                    : RuleProblem.error(file, at[0], at[1], message);
        }

        /** A problem at a key of a mapping, or at the mapping itself when the key is not there. */
        public RuleProblem problemAt(JsonNode mapping, String key, String message) {
            int[] at = keys.getOrDefault(mapping, Map.of()).get(key);
            if (at != null) {
                return RuleProblem.error(file, at[0], at[1], message);
            }
            return RuleProblem.error(file, lines.getOrDefault(mapping, 1), 1, message);
        }
    }

    /** Parses one file; a syntax error, an empty file or a duplicate key throws with its position. */
    public static Parsed parse(String file, String text) {
        Parsed parsed = parseAll(file, text);
        if (!parsed.duplicates().isEmpty()) {
            throw new RuleSetException(parsed.duplicates());
        }
        return parsed;
    }

    /**
     * Parses one file, reading on past duplicate keys (the first value of a key is kept): they are in
     * {@link Parsed#duplicates()}, for a reader that reports them together with every other problem
     * of the file, so that an author fixes it in one round. A syntax error or an empty file throws.
     */
    public static Parsed parseAll(String file, String text) {
        YamlTree tree = new YamlTree(file);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(200);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            throw new RuleSetException(List.of(RuleProblem.error(file, at == null ? 0 : at.getLine() + 1,
                    at == null ? 0 : at.getColumn() + 1, "not valid YAML: " + e.getProblem())));
        }
        if (root == null) {
            throw new RuleSetException(List.of(RuleProblem.error(file, 1, 1, "the file is empty")));
        }
        return new Parsed(file, tree.convert(root), tree.lines, tree.keys, tree.starts, List.copyOf(tree.duplicates));
    }

    private JsonNode convert(Node node) {
        JsonNode converted = convertNode(node);
        Mark mark = node.getStartMark();
        starts.putIfAbsent(converted, new int[] {mark.getLine() + 1, mark.getColumn() + 1});
        return converted;
    }

    private JsonNode convertNode(Node node) {
        if (++values > MAX_VALUES) {
            throw problem(node, "the file expands to more than " + MAX_VALUES + " values once its aliases are resolved;"
                    + " aliases of aliases multiply, so keep anchors one level deep");
        }
        if (node instanceof MappingNode m) {
            ObjectNode obj = JSON.objectNode();
            lines.put(obj, m.getStartMark().getLine() + 1);
            for (NodeTuple t : m.getValue()) {
                if (isMergeKey(t.getKeyNode())) {
                    mergeInto(obj, t.getValueNode());
                }
            }
            for (NodeTuple t : m.getValue()) {
                if (isMergeKey(t.getKeyNode())) {
                    continue;
                }
                String key = scalar(t.getKeyNode());
                if (obj.has(key) && !mergedOnly(m, key)) {
                    duplicates.add(problem(t.getKeyNode(), "duplicate key '" + key + "'").problems().get(0));
                    continue;
                }
                obj.set(key, convert(t.getValueNode()));
                Mark mark = t.getKeyNode().getStartMark();
                keys.computeIfAbsent(obj, o -> new java.util.HashMap<>()).put(key, new int[] {mark.getLine() + 1, mark.getColumn() + 1});
            }
            return obj;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode arr = JSON.arrayNode();
            s.getValue().forEach(item -> arr.add(convert(item)));
            return arr;
        }
        return scalarValue((ScalarNode) node);
    }

    /** Keys a merge brought in may be overridden once by the mapping itself; twice is a duplicate. */
    private static boolean mergedOnly(MappingNode m, String key) {
        return m.getValue().stream().filter(t -> !isMergeKey(t.getKeyNode()))
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)).count() == 1;
    }

    private void mergeInto(ObjectNode target, Node source) {
        if (source instanceof SequenceNode s) {
            s.getValue().forEach(n -> mergeInto(target, n));
            return;
        }
        JsonNode merged = convert(source);
        if (!merged.isObject()) {
            throw problem(source, "'<<' merges only mappings");
        }
        merged.fields().forEachRemaining(e -> {
            if (!target.has(e.getKey())) {
                target.set(e.getKey(), e.getValue());
            }
        });
    }

    private static boolean isMergeKey(Node key) {
        return key.getTag().equals(Tag.MERGE) || (key instanceof ScalarNode s && s.getValue().equals("<<"));
    }

    private String scalar(Node key) {
        if (key instanceof ScalarNode s) {
            return s.getValue();
        }
        throw problem(key, "keys must be plain names");
    }

    private static JsonNode scalarValue(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return JSON.nullNode();
        }
        // YAML 1.1 also reads yes/no/on/off as booleans; only true and false are booleans here, so an
        // unquoted NO in a scenario stays the word NO and "keyAccount: yes" is refused, never false.
        if (tag.equals(Tag.BOOL) && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
            return JSON.booleanNode(Boolean.parseBoolean(v.toLowerCase()));
        }
        if (tag.equals(Tag.INT)) {
            try {
                return JSON.numberNode(Long.parseLong(v.replace("_", "")));
            } catch (NumberFormatException e) {
                return JSON.textNode(v);
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return JSON.numberNode(new java.math.BigDecimal(v.replace("_", "")));
            } catch (NumberFormatException e) {
                return JSON.textNode(v);
            }
        }
        // Timestamps stay text: the API takes ISO-8601 strings and checks the offset itself.
        return JSON.textNode(v);
    }

    private RuleSetException problem(Node at, String message) {
        Mark m = at.getStartMark();
        return new RuleSetException(List.of(RuleProblem.error(file, m.getLine() + 1, m.getColumn() + 1, message)));
    }
}
