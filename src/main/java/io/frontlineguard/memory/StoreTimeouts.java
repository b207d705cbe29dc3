package io.frontlineguard.memory;

import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * How long the embedded store's connections may wait, so a hung server (SIGSTOP, a frozen disk)
 * costs a decision at most {@code guard.memory.timeout}: TCP connect, login, every socket read,
 * and each statement on the server. Statement.setQueryTimeout alone does not help: it asks the
 * server to cancel, and a stopped server hears nothing. The shared datasource gets the same from
 * application.properties (quarkus.datasource.jdbc.*).
 */
final class StoreTimeouts {

    /**
     * Every statement of the store is planned once per connection, not at every execution: its
     * statements are few and fixed, each has one good plan whatever its parameters (an index range
     * of one subject), and PostgreSQL's own choice kept a custom plan for the decision's read, whose
     * planning (0.29 ms) cost more than running it (0.17 ms). The shared datasource sets the same in
     * application.properties. Needs PostgreSQL 12 or later.
     */
    static final String GENERIC_PLANS = "-c plan_cache_mode=force_generic_plan";

    private StoreTimeouts() {
    }

    static AgroalConnectionFactoryConfigurationSupplier apply(AgroalConnectionFactoryConfigurationSupplier f, Duration timeout) {
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        return f.jdbcProperty("connectTimeout", seconds)
                .jdbcProperty("loginTimeout", seconds)
                .jdbcProperty("socketTimeout", seconds)
                .jdbcProperty("options", "-c statement_timeout=" + timeout.toMillis() + " " + GENERIC_PLANS)
                // A little longer than the statement timeout, so a live server's own cancel wins and keeps the connection.
                .networkTimeout(timeout.plusMillis(250));
    }

    /**
     * The same connections for migrations, which may take longer than a decision: no statement or
     * socket timeout while Flyway holds them, and the session's defaults back when it returns them.
     */
    static DataSource unhurried(DataSource data) {
        return (DataSource) Proxy.newProxyInstance(StoreTimeouts.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(data, method, args);
                    return method.getName().equals("getConnection") ? unhurried((Connection) result) : result;
                });
    }

    private static Connection unhurried(Connection c) throws SQLException {
        int network = c.getNetworkTimeout();
        c.setNetworkTimeout(Runnable::run, 0);
        try (Statement s = c.createStatement()) {
            s.execute("set statement_timeout = 0");
        }
        return (Connection) Proxy.newProxyInstance(StoreTimeouts.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !c.isClosed()) {
                        if (!c.getAutoCommit()) {
                            c.rollback(); // Flyway has committed its work; nothing but an aborted transaction is left
                        }
                        try (Statement s = c.createStatement()) {
                            s.execute("reset statement_timeout");
                        }
                        c.setNetworkTimeout(Runnable::run, network);
                    }
                    return invoke(c, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
