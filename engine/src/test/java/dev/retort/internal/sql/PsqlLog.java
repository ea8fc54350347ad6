package dev.retort.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the file psql writes with {@code -L}: every query it sends, exactly as sent, between two
 * banners, followed by what the query printed. Unlike the echo on standard output, the banners
 * make the statement boundaries unambiguous even for statements that span lines.
 */
final class PsqlLog {

    /** psql's banners, untranslated because psql runs with {@code LC_ALL=C}. */
    private static final String QUERY_START = "********* QUERY **********\n";
    private static final String QUERY_END = "\n**************************\n\n";

    /**
     * One query psql sent.
     *
     * @param query  the text sent to the server, including its terminating semicolon
     * @param output what psql logged for the result: the command tag or the rows; empty when the
     *               query failed, since errors go to standard error only
     */
    record Entry(String query, String output) {
    }

    private PsqlLog() {
    }

    /**
     * @param log the log file's content
     * @return the queries, in the order psql sent them
     */
    static List<Entry> parse(String log) {
        List<Entry> entries = new ArrayList<>();
        int start = log.indexOf(QUERY_START);
        while (start >= 0) {
            int queryStart = start + QUERY_START.length();
            int queryEnd = log.indexOf(QUERY_END, queryStart);
            if (queryEnd < 0) {
                throw new IllegalStateException("psql log cut off after: " + log.substring(start));
            }
            int next = log.indexOf(QUERY_START, queryEnd);
            String output = log.substring(queryEnd + QUERY_END.length(), next < 0 ? log.length() : next);
            entries.add(new Entry(log.substring(queryStart, queryEnd), output));
            start = next;
        }
        return entries;
    }
}
