package org.pirog.radius.backend.postgres.authorize;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements prepared or created on its connections, whether jOOQ runs them or they
 * are run on the connection directly.
 */
final class StatementCounter {
    private StatementCounter() {
    }

    static DataSource counting(DataSource target, AtomicInteger statements) {
        return proxy(DataSource.class, target, (method, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, (connectionMethod, statement) -> {
                    if (connectionMethod.startsWith("prepare") || connectionMethod.equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return statement;
                })
                : result);
    }

    /** What to return in place of a call's result, knowing the method called. */
    private interface AfterCall {
        Object after(String method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (self, method, arguments) -> {
            try {
                return after.after(method.getName(), method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
