package dev.retort.internal.execute;

import dev.retort.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.List;

import static dev.retort.test.Patience.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

class StatementBatchUnitTests {

    private final SqlStatement first = new SqlStatement("CREATE TABLE a (id int) -- trailing comment", 5);
    private final SqlStatement second = new SqlStatement("INSERT INTO a\nVALUES (E'it\\'s')", 7);
    private final StatementBatch batch = StatementBatch.of(List.of(new StatementBatch.Migration(first),
            new StatementBatch.Migration(second)));

    @Test
    void joinsStatementsSoThatATrailingLineCommentCannotSwallowTheSeparator() {
        assertThat(batch.sql()).isEqualTo("CREATE TABLE a (id int) -- trailing comment\n;INSERT INTO a\nVALUES (E'it''s')");
    }

    @Test
    void mapsAPositionInTheBatchToItsStatementAndFileLine() {
        int secondStarts = batch.sql().indexOf("INSERT");
        int valuesStarts = batch.sql().indexOf("VALUES");

        assertThat(batch.partAt(0)).isZero();
        assertThat(batch.partAt(secondStarts - 1)).as("the separator belongs to the statement before").isZero();
        assertThat(batch.partAt(secondStarts)).isEqualTo(1);
        assertThat(batch.lineAt(3)).isEqualTo(5);
        assertThat(batch.lineAt(secondStarts)).isEqualTo(7);
        assertThat(batch.lineAt(valuesStarts)).isEqualTo(8);
    }

    @Test
    void sendsWhatRetortAddsAroundTheStatementsAsWritten() {
        StatementBatch wrapped = StatementBatch.of(List.of(new StatementBatch.Added("BEGIN", "BEGIN"),
                new StatementBatch.Migration(first), new StatementBatch.Added("COMMIT", "COMMIT")));

        assertThat(wrapped.sql()).isEqualTo("BEGIN\n;CREATE TABLE a (id int) -- trailing comment\n;COMMIT");
        assertThat(wrapped.lineAt(wrapped.sql().indexOf("TABLE"))).isEqualTo(5);
    }

    @Test
    void groupsStatementsUntilABatchReachesItsSize() {
        String chunk = "x".repeat(StatementBatch.MAX_CHARS / 4);
        List<SqlStatement> statements = java.util.stream.IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new SqlStatement("SELECT '" + chunk + "'", i)).toList();

        List<StatementBatch> batches = StatementBatch.of(Flux.fromIterable(statements).<StatementBatch.Part>map(StatementBatch.Migration::new))
                .collectList().block(PATIENCE);

        assertThat(batches).extracting(b -> b.parts().size()).containsExactly(4, 4, 2);
        assertThat(batches).flatExtracting(StatementBatch::parts)
                .containsExactlyElementsOf(statements.stream().map(StatementBatch.Migration::new).toList());
    }

    @Test
    void startsAfreshForEachSubscription() {
        Flux<StatementBatch> batches = StatementBatch.of(Flux.just(first, second).<StatementBatch.Part>map(StatementBatch.Migration::new));

        assertThat(batches.collectList().block(PATIENCE)).extracting(b -> b.parts().size()).containsExactly(2);
        assertThat(batches.collectList().block(PATIENCE)).extracting(b -> b.parts().size()).containsExactly(2);
    }
}
