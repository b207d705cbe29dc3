package io.frontlineguard.action;

import io.frontlineguard.incident.Channel;
import io.frontlineguard.incident.DemandType;
import io.frontlineguard.incident.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parameter types of actions. Rules pass loosely typed values (an enum, a string, a record
 * accessor's result); each type turns them into the one canonical wire value or rejects them, so a
 * typo in a rule fails loudly instead of reaching a client.
 */
public enum ParamType {
    ROLE, INTEGER, STRING, STRING_LIST, DEMAND_TYPE, CHANNEL_LIST;

    public Object normalize(Object value) {
        return switch (this) {
            case ROLE -> value instanceof Role r ? r : Role.valueOf(value.toString());
            case INTEGER -> {
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    yield ((Number) value).intValue();
                }
                throw new IllegalArgumentException("expects a whole number, got " + value);
            }
            case STRING -> value.toString();
            case DEMAND_TYPE -> value instanceof DemandType d ? d : DemandType.valueOf(value.toString());
            case STRING_LIST -> items(value).stream().map(Object::toString).toList();
            case CHANNEL_LIST -> items(value).stream()
                    .map(v -> v instanceof Channel c ? c : Channel.valueOf(v.toString())).toList();
        };
    }

    private static List<?> items(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] a) {
            return List.of(a);
        }
        // Lets a rule write a list as "IN_PERSON, PHONE" without reaching for Java collections.
        return Stream.of(value.toString().split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
