package dev.retort.micronaut.example;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The example service: the provider-registration {@code candidates} table over plain R2DBC, with
 * no JDBC driver and no migration code. Retort has migrated the table before the first request.
 */
@Controller("/candidates")
@Requires(property = "spec.name", value = "example")
class CandidateController {

    private static final String COLUMNS = "id, company_name, contact_email, status, version, rejection_reason";

    private final ConnectionFactory connections;

    CandidateController(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Get
    Flux<Candidate> list() {
        return query("SELECT " + COLUMNS + " FROM candidates ORDER BY created_at", statement -> statement);
    }

    @Post
    @Status(HttpStatus.CREATED)
    Mono<Candidate> register(@Body NewCandidate candidate) {
        return query("INSERT INTO candidates (company_name, contact_email) VALUES ($1, $2) RETURNING " + COLUMNS,
                statement -> statement.bind("$1", candidate.companyName()).bind("$2", candidate.contactEmail()))
                .single();
    }

    private Flux<Candidate> query(String sql, UnaryOperator<Statement> binding) {
        return Flux.usingWhen(connections.create(),
                connection -> Flux.from(binding.apply(connection.createStatement(sql)).execute())
                        .flatMap(result -> result.map(CandidateController::candidate)),
                Connection::close);
    }

    private static Candidate candidate(Readable row) {
        return new Candidate(row.get("id", UUID.class), row.get("company_name", String.class),
                row.get("contact_email", String.class), row.get("status", String.class),
                row.get("version", Integer.class), row.get("rejection_reason", String.class));
    }
}
