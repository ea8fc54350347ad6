package dev.retort.bench.run;

import java.util.List;

/**
 * The PostgreSQL server every tool migrates: the same one for all, reached over loopback TCP with
 * the same role, so that no tool gets a faster path (a Unix socket, another server) than the others.
 *
 * @param host the host
 * @param port the port
 * @param user a role that may create databases; trust authentication, no password
 */
public record Server(String host, int port, String user) {

    private static final String HOST = "bench.host";
    private static final String PORT = "bench.port";
    private static final String USER = "bench.user";

    /** @return the server a child process was told about by {@link #systemProperties()} */
    public static Server fromSystemProperties() {
        return new Server(System.getProperty(HOST, "127.0.0.1"), Integer.getInteger(PORT, 5432),
                System.getProperty(USER, "postgres"));
    }

    /** @return the {@code -D} options that pass this server to a child JVM */
    public List<String> systemProperties() {
        return List.of("-D" + HOST + "=" + host, "-D" + PORT + "=" + port, "-D" + USER + "=" + user);
    }

    /**
     * @param database a database name
     * @return its R2DBC URL
     */
    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    /**
     * @param database a database name
     * @return its JDBC URL (the user is passed separately)
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * @param database a database name
     * @return the psql command line for it, stopping at the first error, without reading ~/.psqlrc
     */
    public List<String> psql(String database) {
        return List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", Integer.toString(port),
                "-U", user, "-d", database);
    }
}
