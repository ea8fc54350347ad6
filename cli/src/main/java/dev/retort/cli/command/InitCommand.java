package dev.retort.cli.command;

import dev.retort.cli.Session;
import dev.retort.cli.config.PropertiesFile;
import dev.retort.cli.config.PropertiesTemplate;
import dev.retort.cli.config.Settings;
import dev.retort.cli.output.InitReport;
import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code retort init}: creates the migrations directory and a commented {@code retort.properties}. */
@Command(name = "init", description = "Create the migrations directory and a commented retort.properties here.")
public final class InitCommand extends SessionCommand {

    @Override
    int run(Session session) throws IOException {
        Path properties = session.workingDirectory().resolve(PropertiesFile.NAME);
        if (Files.exists(properties)) {
            throw new RetortException(ErrorCode.INVALID_CONFIGURATION, properties + " already exists; edit it, or"
                    + " delete it and run 'retort init' again.");
        }
        Settings settings = session.settings();
        Path migrations = session.relativeIfInside(settings.migrations());
        Files.createDirectories(settings.migrations());
        Files.writeString(properties, PropertiesTemplate.render(settings, migrations), StandardOpenOption.CREATE_NEW);
        session.output().report(new InitReport(migrations.toString(), PropertiesFile.NAME));
        return 0;
    }
}
