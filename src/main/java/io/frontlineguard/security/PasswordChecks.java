package io.frontlineguard.security;

import io.frontlineguard.config.GuardConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The threads that compute password hashes for credentials not yet verified. They are few and
 * their queue is short on purpose: a flood of guessed passwords waits here, or is refused, while
 * the worker threads that memory decisions need stay free.
 */
@ApplicationScoped
public class PasswordChecks {

    private final ThreadPoolExecutor executor;
    private final AtomicLong hashes = new AtomicLong();

    PasswordChecks(GuardConfig config) {
        GuardConfig.PasswordChecks c = config.security().passwordChecks();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(c.threads(), c.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(c.queue()), r -> {
                    Thread t = new Thread(r, "guard-password-check-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs a check that computes one password hash; fails with {@link CredentialCheckBusyException} when the queue is full. */
    <T> CompletableFuture<T> submit(Supplier<T> check) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                hashes.incrementAndGet();
                return check.get();
            }, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new CredentialCheckBusyException());
        }
    }

    /** Password hashes computed since start, for tests and operators who want to see the cache work. */
    public long hashesComputed() {
        return hashes.get();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
