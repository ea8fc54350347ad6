package dev.retort.cli;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link RetortCli.Run}; a failure shows the run's exit code and both
 * streams, so a broken test explains itself.
 */
final class RunAssert extends AbstractAssert<RunAssert, RetortCli.Run> {

    private RunAssert(RetortCli.Run actual) {
        super(actual, RunAssert.class);
    }

    /**
     * @param run a finished run
     * @return assertions on it
     */
    static RunAssert assertThatRun(RetortCli.Run run) {
        return new RunAssert(run);
    }

    /** @return this, if the run exited 0 */
    RunAssert succeeded() {
        return exitedWith(0);
    }

    /**
     * @param exitCode the expected exit code
     * @return this, if the run exited with it
     */
    RunAssert exitedWith(int exitCode) {
        isNotNull();
        if (actual.exitCode() != exitCode) {
            failWithMessage("expected exit code %d but was:%n%s", exitCode, actual);
        }
        return this;
    }

    /**
     * @param text what standard output must contain
     * @return this, if it does
     */
    RunAssert printed(String text) {
        if (!actual.stdout().contains(text)) {
            failWithMessage("expected standard output to contain%n  %s%nbut the run was:%n%s", text, actual);
        }
        return this;
    }

    /**
     * @param text what standard error must contain
     * @return this, if it does
     */
    RunAssert complained(String text) {
        if (!actual.stderr().contains(text)) {
            failWithMessage("expected standard error to contain%n  %s%nbut the run was:%n%s", text, actual);
        }
        return this;
    }

    /**
     * @param text what must appear in neither standard output nor standard error
     * @return this, if it does not
     */
    RunAssert neverShowed(String text) {
        if (actual.everything().contains(text)) {
            failWithMessage("expected no output to contain%n  %s%nbut the run was:%n%s", text, actual);
        }
        return this;
    }

    /** @return this, if standard error holds no stack trace */
    RunAssert hasNoStackTrace() {
        if (actual.stderr().contains("\tat ")) {
            failWithMessage("expected no stack trace but the run was:%n%s", actual);
        }
        return this;
    }
}
