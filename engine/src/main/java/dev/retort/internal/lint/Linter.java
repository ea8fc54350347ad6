package dev.retort.internal.lint;

import dev.retort.LintFinding;
import dev.retort.LintFinding.Severity;
import dev.retort.error.MigrationFileException;
import dev.retort.internal.source.Script;
import dev.retort.internal.source.SessionSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks migrations for what locks or breaks a live database (DESIGN.md, "Lint and session
 * settings"). Works on the files alone; the rules read each statement's leading tokens with the
 * same lexer the splitter uses, so quoting, comments and dollar-quoted bodies never mislead them.
 */
public final class Linter {

    /** Every rule's id, in the order the documentation lists them. */
    public static final List<String> RULES = List.of("index-not-concurrent", "volatile-default",
            "constraint-validates", "set-not-null", "unique-without-index", "column-type-change", "drop-column",
            "drop-table", "rename-column", "rename-table", "missing-lock-timeout", "no-downgrade", "multiple-heads");

    private Linter() {
    }

    /**
     * @param scripts the revisions to lint, in the order they run
     * @param heads   the graph's heads, with their files
     * @param run     the run's session settings (a {@code lock_timeout} there counts for every revision)
     * @param ignored rules switched off for this run
     * @param oneDeploy whether the revisions run together, as the pending ones do: a table an earlier
     *                one creates is then new to the later ones too; otherwise each revision is
     *                judged as if deployed on its own
     * @return the findings, revision by revision, then by line; fails with
     *     {@link MigrationFileException} when a {@code lint-ignore} header names no rule, and
     *     {@link IllegalArgumentException} when {@code ignored} does
     */
    public static Mono<List<LintFinding>> lint(List<Script> scripts, List<Script> heads, SessionSettings run,
            Set<String> ignored, boolean oneDeploy) {
        return Mono.defer(() -> {
            unknownRules(ignored).ifPresent(unknown -> {
                throw new IllegalArgumentException("Unknown lint rule(s) " + unknown + "; the rules are "
                        + String.join(", ", RULES) + ".");
            });
            List<LintFinding> findings = new ArrayList<>();
            if (heads.size() > 1 && !ignored.contains("multiple-heads")) {
                Script first = heads.get(0);
                findings.add(new LintFinding("multiple-heads", Severity.ERROR, String.join(", ", heads.stream()
                        .map(Script::id).toList()), first.location(), 1, "The revisions have " + heads.size()
                        + " heads, so 'upgrade head' refuses. Join them with 'retort merge heads', or upgrade 'heads'"
                        + " on purpose."));
            }
            Set<String> createdInDeploy = new HashSet<>();
            return Flux.fromIterable(scripts).concatMap(script -> revision(script, run, ignored,
                            oneDeploy ? createdInDeploy : new HashSet<>()))
                    .doOnNext(findings::addAll).then(Mono.fromSupplier(() -> findings));
        });
    }

    private static Mono<List<LintFinding>> revision(Script script, SessionSettings run, Set<String> ignored,
            Set<String> created) {
        Set<String> off = script.lintIgnore().rules();
        Optional<String> unknown = unknownRules(off);
        if (unknown.isPresent()) {
            return Mono.error(new MigrationFileException(script.location(), script.lintIgnore().line(),
                    "header 'lint-ignore' names no rule: " + unknown.get() + "; the rules are " + String.join(", ", RULES)));
        }
        return new RevisionLint(script, run, created).findings().map(found -> found.stream()
                .filter(finding -> !off.contains(finding.rule()) && !ignored.contains(finding.rule())).toList());
    }

    private static Optional<String> unknownRules(Set<String> rules) {
        Set<String> unknown = new TreeSet<>(rules);
        RULES.forEach(unknown::remove);
        return unknown.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", unknown));
    }
}
