package io.frontlineguard.incident;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/** The schema's {@code format: date-time}, checked the way the reader parses it. */
final class ContractDateTime implements Format {

    @Override
    public String getName() {
        return "date-time";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        return DateTimes.parse(value).isPresent();
    }
}
