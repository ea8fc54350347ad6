package dev.retort.internal.sql;

import dev.retort.error.MigrationFileException;
import dev.retort.internal.sql.SqlLexer.TokenKind;
import dev.retort.test.database.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splits random scripts with both our splitter and psql and compares, like the corpus test but on
 * text no person would write. {@link StatementSplitterPropertyTests} always separates its
 * fragments with whitespace and knows the answer in advance; here fragments are glued together
 * ({@code 1e--}, {@code E'x'}, {@code $a$$}, {@code *}{@code /;}), so the answer is whatever psql says.
 * This is how the number-literal bugs were found.
 *
 * <p>Samples that psql reads differently on purpose are left out: a backslash outside any quote,
 * which psql runs as a meta-command, and a string continuing an escape string on a later line,
 * which psql's line-by-line scanner misreads (see {@link EscapeStringContinuation}). Routine
 * bodies are generated only at the start of a script: psql's heuristic also finds them after
 * strings and operators, in statements the server rejects anyway.
 *
 * <p>Sample {@code i} uses seed {@code base + i}; rerun one with {@code -Dsql.psql.seed=<seed>}
 * and {@code -Dsql.psql.samples=1}.
 */
class PsqlDifferentialIntegrationTests {

    private static final long BASE_SEED = Long.getLong("sql.psql.seed", 1L);
    private static final int SAMPLES = Integer.getInteger("sql.psql.samples", 20_000);
    /** Scripts per psql session. */
    private static final int BATCH = 500;

    /** Fragments chosen to fuse into every token PostgreSQL's scanner treats specially. */
    private static final String[] PIECES = {"'", "''", "E'", "e'", "\\'", "\\\\", "\"", "\"\"", "$$", "$a$", "$b$",
        "$a", "$1", "--", "/*", "*/", "/", "*", "-", "+", ";", ";", ";", "\n", "\n", " ", "\t", "\r\n", "\r", "\f",
        "a", "E", "U&", "b", "1", "1e", ".", "é", " CASE ", " END", "SELECT ", "x$", "e", "\n'", "'\n", "U&\"",
        "B'", "N'", "X'", "E'x'\n'", "-- c\n'", "U&'", " UESCAPE ", "$a$\n", "$$x"};
    private static final String ROUTINE = "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC ";

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @Test
    void randomGluedFragmentsSplitExactlyAsPsqlSplitsThem() {
        PsqlReference psql = new PsqlReference(db.options());
        int compared = 0;
        for (long batch = BASE_SEED; batch < BASE_SEED + SAMPLES; batch += BATCH) {
            List<Long> seeds = LongStream.range(batch, Math.min(batch + BATCH, BASE_SEED + SAMPLES)).boxed()
                    .filter(seed -> !psqlDiffersOnPurpose(script(seed))).toList();
            List<List<String>> sent = psql.statementsSent(seeds.stream().map(PsqlDifferentialIntegrationTests::script).toList());
            for (int i = 0; i < seeds.size(); i++) {
                compare(seeds.get(i), sent.get(i));
                compared++;
            }
        }
        // Guards against a generator or filter that silently leaves nothing to compare.
        assertThat(compared).isGreaterThan(SAMPLES / 2);
    }

    private static void compare(long seed, List<String> sent) {
        String script = script(seed);
        OurSplit ours = ours(script);
        List<StatementView> reference = StatementView.ofPsql(sent.stream().map(PsqlDifferentialIntegrationTests::normalised)
                .toList(), normalised(script));

        assertThat(CorpusDisagreement.find("seed " + seed, ours.statements(), ours.comparable(reference),
                StatementView::line)).as("script %s", visible(script)).isEmpty();
    }

    private static String script(long seed) {
        Random random = new Random(seed);
        StringBuilder script = new StringBuilder(random.nextInt(6) == 0 ? ROUTINE : "");
        int pieces = 1 + random.nextInt(25);
        for (int i = 0; i < pieces; i++) {
            script.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return script.toString();
    }

    /**
     * Our statements; for a script we reject (an unterminated quote, say), the ones delivered
     * before the error, which must still match psql's first ones.
     */
    private record OurSplit(List<StatementView> statements, boolean complete) {

        List<StatementView> comparable(List<StatementView> psql) {
            return complete ? psql : psql.subList(0, Math.min(statements.size(), psql.size()));
        }
    }

    private static OurSplit ours(String script) {
        List<SqlStatement> statements = new ArrayList<>();
        try {
            new StatementSplitter(new StringReader(script), "generated.sql", 1).forEachRemaining(statements::add);
            return new OurSplit(StatementView.ofOurs(statements), true);
        } catch (MigrationFileException e) {
            return new OurSplit(StatementView.ofOurs(statements), false);
        }
    }

    /** Our splitter reads every line ending as {@code \n}; psql passes them through as they are. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Finds the two things psql reads differently on purpose, judged with our own lexer: were it to
     * misplace a quote, the samples without backslashes would show that.
     */
    private static boolean psqlDiffersOnPurpose(String script) {
        SqlLexer lexer = new SqlLexer(new SourceCursor(new StringReader(script), 1));
        EscapeStringContinuation continuation = new EscapeStringContinuation();
        StringBuilder token = new StringBuilder();
        while (true) {
            token.setLength(0);
            boolean continues = continuation.quoteContinues();
            TokenKind kind = lexer.next(token);
            if (kind == TokenKind.END_OF_INPUT) {
                return false;
            }
            String text = token.toString();
            boolean continued = continues && text.startsWith("'");
            if (kind == TokenKind.OTHER && text.equals("\\") || continued && text.contains("\\")) {
                return true;
            }
            boolean escape = continued || text.startsWith("E'") || text.startsWith("e'");
            continuation.accept(kind, token, 0, kind == TokenKind.STRING && escape);
        }
    }

    private static String visible(String script) {
        return script.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\f", "\\f");
    }
}
