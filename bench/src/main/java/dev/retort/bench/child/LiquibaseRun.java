package dev.retort.bench.child;

import dev.retort.bench.run.Server;
import dev.retort.bench.tool.LiquibaseTool;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.resource.DirectoryResourceAccessor;

import java.nio.file.Path;
import java.util.Map;

/** Liquibase's {@code update} command through its command API, reading the changelog's directory. */
public final class LiquibaseRun implements InProcessTool {

    @Override
    public Run prepare(Path migrations, Server server, String database) throws Exception {
        DirectoryResourceAccessor files = new DirectoryResourceAccessor(migrations);
        CommandScope update = new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, server.jdbcUrl(database))
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, server.user())
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, LiquibaseTool.CHANGELOG);
        return () -> Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), files), () -> {
            update.execute();
        });
    }
}
