package org.resetdesk.cli;

import org.resetdesk.testsupport.Captured;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.testsupport.SecretScan;

/** {@code staff add} and {@code audit verify} run through the real command line, on real H2 files. */
class StoreCommandsTest {
    private static final String PIN = "73915846";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String stdin, String... args) throws Exception {
        Captured.Run c = Captured.run(stdin, () -> Commands.run(args));
        Run r = new Run(c.exit(), c.out(), c.err());
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(Files.createTempFile(logs, "run", ".log"), r.out + r.err);
        return r;
    }

    @Test
    void staffAddStoresTheAccountAndTheSecondAddIsRefused() throws Exception {
        String db = dir.resolve("db/kiosk").toString();
        Run added = run(PIN + "\n", "--db", db, "staff", "add", "--id", "ann", "--name", "Ann Smith", "--pin-stdin",
                "--role", "manager");
        assertThat(added).isEqualTo(new Run(0, "staff ann added (manager)\n", ""));

        Run again = run("1234\n", "--db", db, "staff", "add", "--id", "ann", "--name", "Ann", "--pin-stdin");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("staff add: staff id ann already exists\n");

        Run badPin = run("12ab\n", "--db", db, "staff", "add", "--id", "bo", "--name", "Bo", "--pin-stdin");
        assertThat(badPin.exit()).isEqualTo(1);
        assertThat(badPin.err()).isEqualTo("staff add: a PIN is 4 to 12 digits\n");

        Run noPinFlag = run(PIN + "\n", "--db", db, "staff", "add", "--id", "bo", "--name", "Bo");
        assertThat(noPinFlag.exit()).isEqualTo(2);
        Run badRole = run(PIN + "\n", "--db", db, "staff", "add", "--id", "bo", "--name", "Bo", "--pin-stdin",
                "--role", "boss");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role must be staff or manager, not boss");

        Path config = dir.resolve("kiosk.properties");
        Files.writeString(config, "db.path=" + db + "\n");
        Run viaConfig = run("2468\r\n", "--config", config.toString(), "staff", "add", "--id", "cy", "--name", "Cy",
                "--pin-stdin");
        assertThat(viaConfig.exit()).isEqualTo(0);

        Run audit = run("", "--db", db, "audit", "verify");
        assertThat(audit).isEqualTo(new Run(0, "audit: 2 events verified, chain intact\n", ""));

        SecretScan.assertAbsent(PIN.toCharArray(), dir);
    }

    @Test
    void auditVerifyExitsOneNamingTheFirstBrokenRow() throws Exception {
        String db = dir.resolve("db/kiosk").toString();
        for (String id : new String[] {"ann", "bo", "cy"}) {
            assertThat(run("2468\n", "--db", db, "staff", "add", "--id", id, "--name", id, "--pin-stdin").exit()).isZero();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "resetdesk", "");
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER events_append_only");
            s.executeUpdate("UPDATE events SET detail = 'staff bo added as STAFF' WHERE seq = 2");
            s.executeUpdate("UPDATE events SET detail = 'staff bo added as MANAGER' WHERE seq = 2");
        }
        Run audit = run("", "--db", db, "audit", "verify");
        assertThat(audit.exit()).isEqualTo(1);
        assertThat(audit.out()).isEmpty();
        assertThat(audit.err()).isEqualTo("audit: chain broken at event seq 2: its content does not match its hash"
                + " (the row was changed after it was written)\n");
    }

    @Test
    void auditVerifyRefusesAMissingDatabaseWithoutCreatingOne() throws Exception {
        Path db = dir.resolve("nowhere/kiosk");
        Run audit = run("", "--db", db.toString(), "audit", "verify");
        assertThat(audit.exit()).isEqualTo(1);
        assertThat(audit.err()).isEqualTo("audit verify: no database at " + db + ".mv.db (check db.path or --db)\n");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void withoutDbOrConfigTheCommandSaysWhatIsMissing() throws Exception {
        Run r = run("", "--config", dir.resolve("absent.properties").toString(), "audit", "verify");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("cannot read the configuration " + dir.resolve("absent.properties"));
    }
}
