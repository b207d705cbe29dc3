package io.frontlineguard.decision;

import io.frontlineguard.config.GuardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN once {@code guard.decision.max-overdue} evaluations are still running past their deadline:
 * such threads cannot be stopped from inside the JVM, so the process asks to be restarted. A request's
 * evaluation counts once the watchdog has halted it and it still runs ({@link Watchdog}).
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
        // Overdue on the evaluation threads (scenarios) and on the request threads the watchdog watches.
        int decisions = EvaluationThreads.decisions().overdue() + DecisionEngine.overdueOnRequestThreads();
        int verifications = EvaluationThreads.verification().overdue();
        return HealthCheckResponse.named("evaluations").status(decisions + verifications < maxOverdue)
                .withData("overdueDecisions", decisions)
                .withData("overdueVerifications", verifications)
                .withData("timeouts", EvaluationThreads.decisions().timeouts() + DecisionEngine.timeoutsOnRequestThreads())
                .build();
    }
}
