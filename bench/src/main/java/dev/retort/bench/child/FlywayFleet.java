package dev.retort.bench.child;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet as Flyway's users write it (bench/fleet.sh): one {@code migrate()} per tenant schema,
 * in a loop, the schema as Flyway's default schema (its history table there, and the search path
 * set to it while its migrations run).
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath/flyway.classpath)
 *     dev.retort.bench.child.FlywayFleet JDBC_URL USER DIRECTORY LIKE_PATTERN</pre>
 */
public final class FlywayFleet {

    private FlywayFleet() {
    }

    /**
     * @param args the database's JDBC URL, its user (no password), the Flyway migrations directory,
     *             the SQL LIKE pattern of the tenant schemas
     * @throws SQLException if the schemas cannot be listed
     */
    public static void main(String[] args) throws SQLException {
        String url = args[0];
        String user = args[1];
        for (String schema : schemas(url, user, args[3])) {
            Flyway.configure().dataSource(url, user, "").schemas(schema).locations("filesystem:" + args[2]).load()
                    .migrate();
        }
    }

    private static List<String> schemas(String url, String user, String pattern) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT nspname FROM pg_namespace WHERE nspname LIKE ? ORDER BY 1")) {
            query.setString(1, pattern);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
        }
        return schemas;
    }
}
