package dev.retort.cli;

import dev.retort.DatabaseUrls;
import dev.retort.cli.config.Database;
import dev.retort.cli.config.Secrets;
import dev.retort.error.ErrorCode;
import dev.retort.error.MigrationFileException;
import dev.retort.error.RetortException;
import dev.retort.fleet.Tenant;
import dev.retort.fleet.Tenants;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --tenants FILE}: one tenant per line, an R2DBC (or {@code postgres://}, JDBC) URL of its
 * own database or {@code schema:NAME} of the configured one; blank lines and {@code #} comments
 * are skipped. A line that is neither names the file and line, and nothing runs.
 */
final class TenantsFile {

    private TenantsFile() {
    }

    static List<Tenant> read(Path file, Session session) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "Cannot read the tenants file " + file + ": "
                    + e.getMessage() + ".", e);
        }
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                tenants.add(tenant(line, file, i + 1, session));
            }
        }
        if (tenants.isEmpty()) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, "The tenants file " + file
                    + " names no tenant: write one R2DBC URL or schema:NAME per line.");
        }
        return tenants;
    }

    private static Tenant tenant(String line, Path file, int number, Session session) {
        if (line.startsWith("schema:") && line.length() > "schema:".length()) {
            return Tenants.schema(line.substring("schema:".length()).strip(), session.builder(session.tenantDatabase()));
        }
        try {
            String url = DatabaseUrls.toR2dbc(line);
            session.secrets().remember(url, true);
            return new Tenant(Secrets.describe(url, null), session.builder(Database.connectionFactory(url,
                    session.settings())).build());
        } catch (IllegalArgumentException e) {
            throw new MigrationFileException(file.toString(), number, "is neither a database URL nor schema:NAME ("
                    + e.getMessage() + ")");
        }
    }
}
