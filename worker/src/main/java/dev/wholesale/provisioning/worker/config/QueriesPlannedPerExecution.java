package dev.wholesale.provisioning.worker.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.postgresql.PGStatement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Queries are planned by PostgreSQL for each execution, with their parameters and the tables as
 * they are then; inserts, updates and deletes keep the plan pgjdbc prepares once per connection.
 *
 * <p>Why: a prepared statement's generic plan lives as long as the connection. One made while a
 * table was still small (a fresh database) scans the whole table, and keeps doing so for every
 * e-mail check once the table holds a million users: at four consumer threads the worker fell
 * from 11,000 to 1,900 users/s. Planning everything for every execution
 * ({@code plan_cache_mode=force_custom_plan}) avoided that but cost a third of the throughput,
 * mostly re-planning the multi-row inserts, whose plan never depends on the data.
 */
class QueriesPlannedPerExecution implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof PlanningDataSource)
                ? new PlanningDataSource(dataSource) : bean;
    }

    /** True for statements that read: those are the ones whose plan depends on the data. */
    static boolean isQuery(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("select") || start.startsWith("with");
    }

    static final class PlanningDataSource extends DelegatingDataSource {

        PlanningDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return planning(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return planning(super.getConnection(username, password));
        }

        private static Connection planning(Connection connection) {
            InvocationHandler handler = (proxy, method, arguments) -> {
                Object result = invoke(connection, method, arguments);
                if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
                        && arguments[0] instanceof String sql && isQuery(sql) && statement.isWrapperFor(PGStatement.class)) {
                    // 0: never a named server-side statement, so PostgreSQL plans it at every execution.
                    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(QueriesPlannedPerExecution.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        private static Object invoke(Connection connection, Method method, Object[] arguments) throws Throwable {
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        }
    }
}
