package io.frontlineguard.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any request body the contract describes besides incidents (a case officer's flag, a lifted
 * block), checked the way incidents are: well-formed JSON, clean strings, then the named schema,
 * every problem at once with its path, code and the allowed names or values.
 */
public final class ContractBodies {

    private static final Contract CONTRACT = Contract.get();
    private static final SchemaViolations VIOLATIONS = new SchemaViolations(CONTRACT);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractBodies() {
    }

    /** The body as a tree once it passes schema {@code name}; otherwise {@link InvalidIncidentException} lists every violation. */
    public static ObjectNode validated(byte[] body, String name) {
        ObjectNode root = JsonBody.parse(body);
        Map<String, Violation> found = new LinkedHashMap<>();
        List<Hygiene.NullMember> nulls = new ArrayList<>();
        Hygiene.clean(root, "", found, nulls);
        // Messages name the body by its schema ("the ApprovalConsent body"), not as an incident.
        Schema schema = SCHEMAS.computeIfAbsent(name, CONTRACT::validator);
        VIOLATIONS.translate(schema.validate(root), root, "the " + name + " body", found);
        VIOLATIONS.unknownNullMembers(schema, root, "the " + name + " body", nulls, found);
        if (!found.isEmpty()) {
            throw new InvalidIncidentException(new ArrayList<>(found.values()));
        }
        return root;
    }
}
