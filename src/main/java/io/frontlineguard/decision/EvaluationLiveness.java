package io.frontlineguard.decision;

import io.frontlineguard.config.GuardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN once {@code guard.decision.max-overdue} evaluations are still running past their deadline:
 * such threads cannot be stopped from inside the JVM, so the process asks to be restarted.
 */
@Liveness
@ApplicationScoped
public class EvaluationLiveness implements HealthCheck {

    private final int maxOverdue;

    EvaluationLiveness(GuardConfig config) {
        this.maxOverdue = config.decision().maxOverdue();
    }

    @Override
    public HealthCheckResponse call() {
        int decisions = EvaluationThreads.decisions().overdue();
        int verifications = EvaluationThreads.verification().overdue();
        return HealthCheckResponse.named("evaluations").status(decisions + verifications < maxOverdue)
                .withData("overdueDecisions", decisions)
                .withData("overdueVerifications", verifications)
                .withData("timeouts", EvaluationThreads.decisions().timeouts())
                .build();
    }
}
