package dev.retort.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Generates random scripts whose statements are known, splits them, and compares. Every
 * iteration uses seed {@code base + i}; rerun a failure with {@code -Dsql.seed=<seed>} and
 * {@code -Dsql.iterations=1}.
 */
class StatementSplitterPropertyTests {

    private static final long BASE_SEED = Long.getLong("sql.seed", 20_240_601L);
    private static final int ITERATIONS = Integer.getInteger("sql.iterations", 2_000);

    @Nested
    class RoundTrip {

        @Test
        void splittingAGeneratedScriptGivesBackItsStatementsAndLines() {
            for (int i = 0; i < ITERATIONS; i++) {
                long seed = BASE_SEED + i;
                Script script = new ScriptGenerator(new Random(seed)).script();

                List<SqlStatement> actual = reportingSeed(seed, script, () -> StatementSplitter.split(script.text(), "gen.sql", 1));

                assertThat(actual).as("seed %d, script:%n%s", seed, script.text()).isEqualTo(script.expected());
            }
        }

        @Test
        void randomReadSizesGiveTheSameStatementsAsOneString() {
            for (int i = 0; i < ITERATIONS / 4; i++) {
                long seed = BASE_SEED + i;
                Random random = new Random(seed);
                Script script = new ScriptGenerator(random).script();

                List<SqlStatement> streamed = reportingSeed(seed, script, () -> {
                    List<SqlStatement> statements = new ArrayList<>();
                    new StatementSplitter(new RandomChunkReader(script.text(), random), "gen.sql", 1)
                            .forEachRemaining(statements::add);
                    return statements;
                });

                assertThat(streamed).as("seed %d, script:%n%s", seed, script.text()).isEqualTo(script.expected());
            }
        }
    }

    /** An exception must name the seed too, or the failing script cannot be reproduced. */
    private static List<SqlStatement> reportingSeed(long seed, Script script, Supplier<List<SqlStatement>> split) {
        try {
            return split.get();
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ", script:\n" + script.text(), e);
        }
    }

    @Nested
    class Generator {

        @Test
        void generatedScriptsExerciseTheTrickyCharacters() {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                all.append(new ScriptGenerator(new Random(BASE_SEED + i)).script().text());
            }
            // Guards the property test against a generator that silently stops producing hard cases.
            assertThat(all).contains("E'", "$$", "$t$", "\"", "--", "/*", "\r\n", "\r", "\\'", "BEGIN ATOMIC");
        }

        @Test
        void generatedScriptsContinueEscapeStringsOnLaterLines() {
            ScriptGenerator generator = new ScriptGenerator(new Random(BASE_SEED));
            for (int i = 0; i < 200; i++) {
                generator.script();
            }
            assertThat(generator.continuations()).isPositive();
        }
    }

    /** A generated script with the statements and lines it must split into. */
    record Script(String text, List<SqlStatement> expected) {
    }

    /**
     * Builds scripts from fragments. Fragments are always separated by whitespace so that no two
     * fragments fuse into a different token; the expected results are computed from the raw text
     * with the simplest possible oracle (regex line-ending normalisation and counting).
     */
    static final class ScriptGenerator {

        private static final String[] WORDS = {"SELECT", "insert", "foo", "bar_1", "x$y", "e", "E", "b", "ünï", "t"};
        private static final String[] OTHERS = {"42", "3.14", "$1", "(", ")", ",", "+", "::", "*", "<>", "="};
        private static final String[] TEXT = {"a", "Z", " ", ";", "'", "\"", "$", "--", "/", "*", "\\", "\n", "\r\n", "\r", "é"};
        private static final String[] TAGS = {"", "t", "tag", "_x1"};
        private static final String[] NEWLINES = {"\n", "\r\n", "\r"};

        /** PostgreSQL's whitespace_with_newline: what may stand between a string and its continuation. */
        private static final Pattern CONTINUATION_GAP =
                Pattern.compile("([ \t\f]|--[^\r\n]*)*[\r\n]([ \t\f\r\n]|--[^\r\n]*[\r\n])*");

        private final Random random;
        /** Where the last escape string in {@link #statement()}'s text ends; -1 if it has none. */
        private int escapeStringEnd = -1;
        private int continuations;

        ScriptGenerator(Random random) {
            this.random = random;
        }

        /** @return how many escape-string continuations the generator has written so far */
        int continuations() {
            return continuations;
        }

        Script script() {
            StringBuilder text = new StringBuilder(gap());
            List<SqlStatement> expected = new ArrayList<>();
            int count = random.nextInt(6);
            for (int s = 0; s < count; s++) {
                int start = text.length();
                text.append(random.nextInt(8) == 0 ? atomicRoutine() : statement());
                expected.add(new SqlStatement(normalisedTrimmed(text.substring(start)), lineAt(text, start)));
                boolean last = s == count - 1;
                if (last && random.nextBoolean()) {
                    text.append(whitespace()); // no terminator: anything but whitespace would join the statement
                } else {
                    text.append(';').append(gap());
                }
            }
            return new Script(text.toString(), expected);
        }

        private String statement() {
            StringBuilder statement = new StringBuilder();
            escapeStringEnd = -1;
            appendFragment(statement, significantFragment());
            int more = random.nextInt(6);
            for (int i = 0; i < more; i++) {
                statement.append(separator());
                appendFragment(statement, random.nextInt(4) == 0 ? comment() : significantFragment());
            }
            if (random.nextBoolean()) {
                statement.append(separator());
            }
            return statement.toString();
        }

        /**
         * Appends a fragment, turning a quoted string that PostgreSQL would read as the
         * continuation of an escape string into one written with escape-string rules.
         */
        private void appendFragment(StringBuilder statement, String fragment) {
            boolean continuation = fragment.startsWith("'") && escapeStringEnd >= 0
                    && CONTINUATION_GAP.matcher(statement.substring(escapeStringEnd)).matches();
            if (continuation) {
                continuations++;
                fragment = escapeString().substring(1);
            }
            statement.append(fragment);
            if (continuation || fragment.startsWith("E'") || fragment.startsWith("e'")) {
                escapeStringEnd = statement.length();
            }
        }

        private String atomicRoutine() {
            StringBuilder routine = new StringBuilder("CREATE").append(separator());
            if (random.nextBoolean()) {
                routine.append("OR REPLACE").append(separator());
            }
            routine.append(random.nextBoolean() ? "FUNCTION" : "procedure").append(" f() RETURNS int")
                    .append(separator()).append("BEGIN ATOMIC").append(separator());
            int inner = 1 + random.nextInt(3);
            for (int i = 0; i < inner; i++) {
                routine.append(statement()).append(random.nextBoolean() ? " CASE WHEN x THEN ';' END" : "")
                        .append(';').append(separator());
            }
            return routine.append("END").toString();
        }

        private String significantFragment() {
            return switch (random.nextInt(8)) {
                case 0, 1 -> pick(WORDS);
                case 2 -> pick(OTHERS);
                case 3 -> quoted('\'', "'", "''");
                case 4 -> escapeString();
                case 5 -> dollarQuoted();
                case 6 -> quoted('"', "\"", "\"\"");
                default -> "U&" + quoted('\'', "'", "''");
            };
        }

        private String quoted(char quote, String raw, String escaped) {
            return quote + text().replace(raw, escaped) + quote;
        }

        private String escapeString() {
            String body = text().replace("\\", "\\\\").replace("'", random.nextBoolean() ? "\\'" : "''");
            return (random.nextBoolean() ? "E'" : "e'") + body + "'";
        }

        private String dollarQuoted() {
            String delimiter = "$" + pick(TAGS) + "$";
            String body;
            do {
                body = text();
            } while ((body + delimiter).indexOf(delimiter) != body.length());
            return delimiter + body + delimiter;
        }

        private String comment() {
            if (random.nextBoolean()) {
                return "--" + text().replaceAll("[\r\n]", "") + pick(NEWLINES);
            }
            return blockComment(0);
        }

        private String blockComment(int depth) {
            String inner = depth < 2 && random.nextInt(3) == 0 ? blockComment(depth + 1) : "";
            // The spaces keep a trailing '/' or '*' of one piece from fusing with the next piece.
            return "/* " + commentText() + " " + inner + " " + commentText() + " */";
        }

        /** Comment text may hold anything except something that opens or closes a comment. */
        private String commentText() {
            String text;
            do {
                text = text();
            } while (text.contains("/*") || text.contains("*/"));
            return text;
        }

        private String gap() {
            StringBuilder gap = new StringBuilder(whitespace());
            int parts = random.nextInt(4);
            for (int i = 0; i < parts; i++) {
                gap.append(switch (random.nextInt(3)) {
                    case 0 -> comment();
                    case 1 -> ";";
                    default -> whitespace();
                }).append(whitespace());
            }
            return gap.toString();
        }

        /** Always at least one whitespace character, sometimes with a comment inside. */
        private String separator() {
            String separator = whitespace();
            return random.nextInt(5) == 0 ? separator + comment() + " " : separator;
        }

        private String whitespace() {
            StringBuilder whitespace = new StringBuilder();
            int length = 1 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                whitespace.append(random.nextInt(3) == 0 ? pick(NEWLINES) : random.nextBoolean() ? " " : "\t");
            }
            return whitespace.toString();
        }

        private String text() {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(pick(TEXT));
            }
            return text.toString();
        }

        private String pick(String[] choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static String normalisedTrimmed(String raw) {
            return raw.replaceAll("\r\n?", "\n").replaceAll("[ \t\n]+$", "");
        }

        /** 1 + the line breaks before {@code offset}, where \r\n, \r and \n each count once. */
        private static int lineAt(CharSequence text, int offset) {
            return 1 + (int) text.subSequence(0, offset).toString().replaceAll("\r\n?", "\n").chars()
                    .filter(c -> c == '\n').count();
        }
    }

    /** Serves the text in random-sized reads of 1 to 20 characters. */
    private static final class RandomChunkReader extends Reader {
        private final String text;
        private final Random random;
        private int position;

        RandomChunkReader(String text, Random random) {
            this.text = text;
            this.random = random;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + random.nextInt(20)), text.length() - position);
            text.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
