package org.resetdesk.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.resetdesk.store.H2Database;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Opens the store for a headless command (staff, audit, db) from the global options: {@code --db}, else the
 * {@code RESETDESK_DB_PATH} environment override, else {@code db.path} of the config, the same precedence as the kiosk.
 * Only {@code db.path} is read, so these commands also work with a partial configuration.
 */
final class StoreCli {
    static final Path DEFAULT_CONFIG = Path.of("kiosk-config", "kiosk.properties");
    static final String ENV_DB_PATH = "RESETDESK_DB_PATH";

    private StoreCli() {}

    /** @throws org.resetdesk.store.StoreException when the database cannot be opened (the caller adds its name) */
    static H2Database open(CommandSpec spec, boolean mustExist) {
        Path db = dbPath(spec);
        return H2Database.open(db, mustExist ? H2Database.Options.existing() : H2Database.Options.createIfMissing());
    }

    static Path dbPath(CommandSpec spec) {
        return dbPath((RootCommand) spec.root().userObject(), System.getenv());
    }

    static Path dbPath(RootCommand root, Map<String, String> env) {
        if (root.db != null) {
            return root.db;
        }
        String override = env.get(ENV_DB_PATH);
        if (override != null && !override.isBlank()) {
            return Path.of(override.strip());
        }
        Path config = root.config != null ? root.config : Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        if (config == null) {
            throw new CommandFailed("no database: give --db PATH, " + ENV_DB_PATH + " or a configuration with db.path");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new CommandFailed("cannot read the configuration " + config + ": " + e.getMessage());
        }
        String value = p.getProperty("db.path");
        if (value == null || value.isBlank()) {
            throw new CommandFailed("the configuration " + config + " has no db.path; give --db PATH");
        }
        return Path.of(value.strip());
    }
}
