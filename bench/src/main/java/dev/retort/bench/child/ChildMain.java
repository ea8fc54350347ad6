package dev.retort.bench.child;

import dev.retort.bench.run.Server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A child JVM's entry point: {@code ChildMain <InProcessTool class> <migrations dir> <database>
 * <iterations>}. Runs the tool's migration {@code iterations} times (configuring it anew each time,
 * as an application start does) and prints one {@code BENCH} line per run with its duration, then
 * the process's peak resident set size. Exits 1 on any failure, after printing it.
 */
public final class ChildMain {

    private ChildMain() {
    }

    /**
     * @param args the tool class, the migrations directory, the database, the iteration count
     * @throws Exception never on purpose: failures are printed and turn into exit code 1
     */
    public static void main(String[] args) throws Exception {
        // Wall-clock marks let the harness split a fresh process's time into JVM start-up, the
        // work, and exit (shutdown hooks, thread pools that linger).
        System.out.println("BENCH main_epoch_micros=" + epochMicros());
        try {
            InProcessTool tool = (InProcessTool) Class.forName(args[0]).getDeclaredConstructor().newInstance();
            Path migrations = Path.of(args[1]);
            String database = args[2];
            int iterations = Integer.parseInt(args[3]);
            Server server = Server.fromSystemProperties();
            for (int i = 1; i <= iterations; i++) {
                long started = System.nanoTime();
                InProcessTool.Run run = tool.prepare(migrations, server, database);
                run.migrate();
                long nanos = System.nanoTime() - started;
                System.out.println("BENCH iteration=" + i + " nanos=" + nanos + " " + run.details());
            }
            System.out.println("BENCH vmhwm_kb=" + peakRssKb());
            System.out.println("BENCH exit_epoch_micros=" + epochMicros());
        } catch (Throwable e) {
            System.out.flush();
            e.printStackTrace();
            System.exit(1);
        }
        // Some tools leave non-daemon threads behind; a command-line user's process ends here too.
        System.exit(0);
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Linux's high-water mark of this process's resident memory, or -1 elsewhere. */
    private static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }
}
