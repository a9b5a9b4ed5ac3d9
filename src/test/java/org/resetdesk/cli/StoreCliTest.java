package org.resetdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where staff, audit and db commands find the store: --db, then RESETDESK_DB_PATH, then db.path of the config. */
class StoreCliTest {
    @TempDir
    Path dir;

    private RootCommand root(Path config, Path db) {
        RootCommand r = new RootCommand();
        r.config = config;
        r.db = db;
        return r;
    }

    @Test
    void theSamePrecedenceAsTheKiosk() throws Exception {
        Path config = dir.resolve("kiosk.properties");
        Files.writeString(config, "db.path=" + dir.resolve("from-file") + "\n");
        Map<String, String> env = Map.of("RESETDESK_DB_PATH", " " + dir.resolve("from-env") + " ");

        assertThat(StoreCli.dbPath(root(config, null), Map.of())).isEqualTo(dir.resolve("from-file"));
        assertThat(StoreCli.dbPath(root(config, null), env)).isEqualTo(dir.resolve("from-env"));
        assertThat(StoreCli.dbPath(root(config, dir.resolve("flag")), env)).isEqualTo(dir.resolve("flag"));
        assertThat(StoreCli.dbPath(root(null, null), env)).as("an override needs no file")
                .isEqualTo(dir.resolve("from-env"));
        assertThat(StoreCli.dbPath(root(config, null), Map.of("RESETDESK_DB_PATH", "  ")))
                .as("a blank override is no override").isEqualTo(dir.resolve("from-file"));
    }

    @Test
    void aConfigWithoutDbPathSaysSo() throws Exception {
        Path config = dir.resolve("kiosk.properties");
        Files.writeString(config, "shop.name=Counter\n");
        assertThatThrownBy(() -> StoreCli.dbPath(root(config, null), Map.of())).isInstanceOf(CommandFailed.class)
                .hasMessage("the configuration " + config + " has no db.path; give --db PATH");
    }
}
