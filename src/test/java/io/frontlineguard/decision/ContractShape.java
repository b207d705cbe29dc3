package io.frontlineguard.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.frontlineguard.api.v1.ActionView;
import io.frontlineguard.api.v1.OverriddenView;
import io.frontlineguard.incident.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every action and overridden action of a decision, as clients receive it, checked against the
 * published contract's schemas: a rule that emits an action whose required params it cannot fill
 * (PROTECT_TARGET_EMPLOYEE for a handler nobody named) breaks every generated client, so the
 * properties hold each generated incident's answer to the document, not to what the code believes.
 */
final class ContractShape {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema ACTION = Contract.get().validator("Action");
    private static final Schema OVERRIDDEN = Contract.get().validator("Overridden");

    private ContractShape() {
    }

    static Optional<InvariantViolation> actionsConformToTheContract(Evaluation e) {
        List<String> wrong = new ArrayList<>();
        for (Action a : e.resolution().actions()) {
            check(ACTION, JSON.valueToTree(ActionView.of(a, "en")), wrong);
        }
        for (Overridden o : e.resolution().overridden()) {
            check(OVERRIDDEN, JSON.valueToTree(OverriddenView.of(o, "en")), wrong);
        }
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InvariantViolation("every action conforms to the contract's params schema",
                List.of(), wrong + "; decided " + ContractInvariants.summary(e), List.of(), List.of()));
    }

    private static void check(Schema schema, JsonNode node, List<String> wrong) {
        List<Error> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            wrong.add(node.path("code").asText() + " " + node.path("params") + ": " + errors);
        }
    }
}
