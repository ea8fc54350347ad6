package dev.retort.cli.command;

import dev.retort.Revisions;
import dev.retort.Status;
import dev.retort.cli.Session;
import dev.retort.cli.output.FleetCurrentReport;
import dev.retort.cli.output.FleetCurrentReport.FleetCurrent;
import dev.retort.fleet.Fleet;
import reactor.core.publisher.Flux;
import dev.retort.cli.output.CurrentReport;
import dev.retort.cli.output.CurrentReport.DirtyView;
import dev.retort.cli.output.RevisionView;
import dev.retort.cli.output.RevisionsReport.Format;
import picocli.CommandLine.Command;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import java.util.List;
import java.util.Optional;

/**
 * {@code retort current}: the revision(s) the database is at, read from its version table, and
 * whether a non-transactional revision left it dirty.
 */
@Command(name = "current", description = "Show the revision(s) the database is at, and whether it is dirty"
        + " (--verbose: in full, with the files' heads and the pending revisions).")
public final class CurrentCommand extends SessionCommand {

    @Override
    int run(Session session) {
        Optional<Fleet> fleet = session.fleet();
        if (fleet.isPresent()) {
            return fleetCurrent(session, fleet.get());
        }
        // Reading the files overlaps with connecting, which is most of this command's time.
        Tuple2<Revisions, Status> state = session.await(Mono.zip(session.offline().revisions(),
                session.online().status()));
        Revisions revisions = state.getT1();
        Status status = state.getT2();
        List<RevisionView> views = status.current().stream()
                .map(id -> revisions.get(id).map(info -> RevisionView.of(info, null))
                        .orElseGet(() -> RevisionView.unknown(id)))
                .toList();
        if (views.isEmpty()) {
            session.output().note("No revision applied: the database is at base.");
        }
        DirtyView dirty = status.dirty().map(d -> new DirtyView(d.revision(), d.operation().label(), d.advice()))
                .orElse(null);
        session.output().report(new CurrentReport(views, status.heads(), status.pending(), status.needsUpgrade(), dirty,
                session.output().verbose() ? Format.DETAIL : Format.LINE));
        return 0;
    }

    /** Each tenant's revisions and pending count, a line (or JSON line) per tenant in the fleet's order. */
    private static int fleetCurrent(Session session, Fleet fleet) {
        List<FleetCurrent> rows = session.await(Flux.fromIterable(fleet.tenants())
                .flatMapSequential(tenant -> tenant.retort().status().map(status -> FleetCurrent.of(tenant.name(), status)),
                        fleet.parallelism())
                .collectList());
        session.output().report(new FleetCurrentReport(rows));
        return 0;
    }
}
