package dev.retort.internal.source;

import dev.retort.error.ErrorCode;
import dev.retort.error.RetortException;
import dev.retort.internal.graph.Revision;
import dev.retort.spi.ScriptResource;

/**
 * A file not read yet, whose revision and summary a {@link Manifest} gave.
 *
 * @param resource the file
 * @param revision its header's graph edges, as the manifest has them
 * @param summary  its summary, as the manifest has it
 */
record Listed(ScriptResource resource, Revision revision, ScriptSummary summary) {

    /**
     * @return the file, parsed now; blocks on file access
     * @throws RetortException if it is invalid, or its header changed since it was listed
     */
    Script read() {
        Script script = ScriptParser.parse(resource);
        if (!Catalog.revision(script).equals(revision)) {
            throw new RetortException(ErrorCode.INVALID_MIGRATIONS, resource.location() + " changed while Retort was"
                    + " running: its header no longer names the revision it named when the files were listed."
                    + " Run the command again.");
        }
        return script;
    }
}
