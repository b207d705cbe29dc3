package io.frontlineguard.api.v1;

import java.util.List;

/** The answer to {@code POST /v1/decisions:batch}: one result per incident, in request order. */
public record BatchResponse(List<BatchResult> results) {
}
