package dev.wholesale.provisioning.worker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.wholesale.provisioning.worker.WorkerIntegrationTest;

/**
 * On the worker's own DataSource, queries are planned by PostgreSQL at every execution, so that a
 * plan made while a table was small (a fresh database) cannot outlive the table's growth; writes
 * keep their once-prepared plan, which does not depend on the data and is costly to remake.
 */
class QueryPlanningIT extends WorkerIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void queriesAreNeverPreparedOnTheServerWhileWritesAre() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table probe (email text)");
            }
            for (int i = 0; i < 10; i++) {
                try (PreparedStatement insert = connection.prepareStatement("insert into probe (email) values (?)")) {
                    insert.setString(1, "user" + i + "@example.dk");
                    insert.executeUpdate();
                }
                try (PreparedStatement query = connection.prepareStatement("select email from subscriber where email = any(?)")) {
                    query.setArray(1, connection.createArrayOf("text", new String[] {"user" + i + "@example.dk"}));
                    query.executeQuery().close();
                }
                try (PreparedStatement query = connection.prepareStatement(
                        "  WITH wanted AS (select ? as email) select count(*) from probe join wanted using (email)")) {
                    query.setString(1, "user" + i + "@example.dk");
                    query.executeQuery().close();
                }
            }

            List<String> prepared = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select statement from pg_prepared_statements")) {
                while (rows.next()) {
                    prepared.add(rows.getString(1));
                }
            }
            assertThat(prepared).as("statements prepared on the server for this connection")
                    .anySatisfy(sql -> assertThat(sql).startsWith("insert into probe"))
                    .noneSatisfy(sql -> assertThat(sql).containsIgnoringCase("from subscriber"))
                    .noneSatisfy(sql -> assertThat(sql).containsIgnoringCase("from probe"));
        }
    }
}
