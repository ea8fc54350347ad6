package dev.retort.bench.workload;

import java.util.List;

/**
 * One generated migration, independent of any tool's file format.
 *
 * @param number    1-based position in the chain; every tool orders by it
 * @param name      a short identifier ({@code create_t_00042}) for file names and messages
 * @param upgrade   the statements that apply it, without trailing semicolons
 * @param downgrade the statements that undo it (only formats with down sections write them)
 */
public record Migration(int number, String name, List<String> upgrade, List<String> downgrade) {

    /** Copies the lists so the record stays immutable. */
    public Migration {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /** @return the upgrade statements as a script, each ending with a semicolon on its own line end */
    public String upgradeScript() {
        return script(upgrade);
    }

    /** @return the downgrade statements as a script */
    public String downgradeScript() {
        return script(downgrade);
    }

    private static String script(List<String> statements) {
        StringBuilder text = new StringBuilder();
        for (String statement : statements) {
            text.append(statement).append(";\n");
        }
        return text.toString();
    }
}
