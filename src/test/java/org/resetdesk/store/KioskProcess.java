package org.resetdesk.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/**
 * Test main for a second JVM. {@code kiosk BASE}: opens the store the way the kiosk does, saves one job, prints
 * {@code ready <id>}, then answers {@code find ID} / {@code events ID} / {@code quit} on stdin.
 * {@code plain BASE}: holds the database with a plain H2 connection that does not share it (like an H2 console).
 */
public final class KioskProcess {
    private KioskProcess() {}

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args[0].equals("plain")) {
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "resetdesk", "")) {
                System.out.println("held");
                System.out.flush();
                in.readLine();
            }
            return;
        }
        try (H2Database db = H2Database.open(base, H2Database.Options.createIfMissing())) {
            H2JobRepository jobs = new H2JobRepository(db);
            Clock clock = Clock.systemUTC();
            Job job = TestJobs.open(jobs.nextJobId(), "Kiosk Customer", "DS-7608NI-K2/8P0820190101CCRRC12345678WCVU", clock);
            jobs.save(job, List.of(JobEvent.of(job.id(), clock.instant(), "job.opened", "at the counter")));
            System.out.println("ready " + job.id());
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                String[] cmd = line.split(" ");
                switch (cmd[0]) {
                    case "find" -> System.out.println("found " + jobs.find(cmd[1]).map(j -> j.id() + " " + j.state()
                            + " " + j.intake().customerName()).orElse("none"));
                    case "events" -> System.out.println("events " + jobs.events(cmd[1]).size());
                    default -> System.out.println("unknown " + line);
                }
                System.out.flush();
            }
        }
        System.out.println("closed");
    }
}
