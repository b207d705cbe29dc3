package io.frontlineguard.ruleset;

import io.frontlineguard.assessment.Judgement;
import io.frontlineguard.incident.Caller;
import io.frontlineguard.incident.CaseHistory;
import io.frontlineguard.incident.Demand;
import io.frontlineguard.incident.Handler;
import io.frontlineguard.incident.Incident;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a rule may name: the facts the engine inserts, their fields (record components, nothing
 * else: no {@code class}, no derived method), the enums those fields use, and the threshold
 * accessors. Read from the Java types themselves, so a field added to the contract is usable in
 * a rule at once and a field that does not exist is refused with the ones that do.
 */
final class FactVocabulary {

    static final List<Class<?>> FACTS = List.of(Incident.class, Caller.class, CaseHistory.class, Handler.class,
            Demand.class, Thresholds.class, Judgement.class);

    /** The package of the judgement fact and its enums, which rule files that read it import. */
    static final String JUDGEMENT_PACKAGE = "io.frontlineguard.assessment.";

    private static final FactVocabulary INSTANCE = new FactVocabulary();

    private final Map<String, Class<?>> facts = new TreeMap<>();
    private final Map<String, Class<? extends Enum<?>>> enums = new TreeMap<>();
    private final Map<String, Integer> thresholdMethods = new TreeMap<>();

    private FactVocabulary() {
        FACTS.forEach(f -> facts.put(f.getSimpleName(), f));
        FACTS.forEach(this::collectEnums);
        for (Method m : Thresholds.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && !List.of("equals", "hashCode", "toString").contains(m.getName())) {
                thresholdMethods.put(m.getName(), m.getParameterCount());
            }
        }
    }

    static FactVocabulary get() {
        return INSTANCE;
    }

    Optional<Class<?>> fact(String simpleName) {
        return Optional.ofNullable(facts.get(simpleName));
    }

    java.util.Set<String> factNames() {
        return facts.keySet();
    }

    Optional<Class<? extends Enum<?>>> enumType(String simpleName) {
        return Optional.ofNullable(enums.get(simpleName));
    }

    /**
     * The import targets a rule file may use: the fact package as a whole, or one of its types, and
     * likewise the judgement's package.
     */
    boolean importAllowed(String target) {
        if (target.equals("io.frontlineguard.incident.*") || target.equals(Thresholds.class.getName())
                || target.equals(JUDGEMENT_PACKAGE + "*")) {
            return true;
        }
        if (target.startsWith(JUDGEMENT_PACKAGE)) {
            String name = target.substring(JUDGEMENT_PACKAGE.length());
            return name.equals(Judgement.class.getSimpleName()) || enums.containsKey(name);
        }
        String prefix = "io.frontlineguard.incident.";
        String name = target.startsWith(prefix) ? target.substring(prefix.length()) : "";
        return (facts.containsKey(name) && !name.equals("Thresholds")) || enums.containsKey(name);
    }

    /** Record components of a fact or nested record, by name, with their declared types. */
    static Map<String, Type> fields(Class<?> type) {
        Map<String, Type> out = new TreeMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                out.put(c.getName(), c.getGenericType());
            }
        }
        return out;
    }

    static boolean isJudgement(Class<?> fact) {
        return fact == Judgement.class;
    }

    static List<String> constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** Threshold methods a rule may call on a bound {@code Thresholds}, with their parameter counts. */
    Map<String, Integer> thresholdMethods() {
        return thresholdMethods;
    }

    @SuppressWarnings("unchecked")
    private void collectEnums(Class<?> type) {
        for (Type t : fields(type).values()) {
            Type element = t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : t;
            if (element instanceof Class<?> c && c.isEnum()) {
                enums.put(c.getSimpleName(), (Class<? extends Enum<?>>) c);
            } else if (element instanceof Class<?> c && c.isRecord() && !FACTS.contains(c)) {
                collectEnums(c);
            }
        }
    }
}
