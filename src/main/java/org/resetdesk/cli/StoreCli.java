package org.resetdesk.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.resetdesk.store.H2Database;
import picocli.CommandLine.Model.CommandSpec;

/** Opens the store for a headless command from the global options: {@code --db}, else {@code db.path} of the config. */
final class StoreCli {
    static final Path DEFAULT_CONFIG = Path.of("kiosk-config", "kiosk.properties");

    private StoreCli() {}

    /** @throws org.resetdesk.store.StoreException when the database cannot be opened (the caller adds its name) */
    static H2Database open(CommandSpec spec, boolean mustExist) {
        Path db = dbPath(spec);
        return H2Database.open(db, mustExist ? H2Database.Options.existing() : H2Database.Options.createIfMissing());
    }

    static Path dbPath(CommandSpec spec) {
        RootCommand root = (RootCommand) spec.root().userObject();
        if (root.db != null) {
            return root.db;
        }
        Path config = root.config != null ? root.config : Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        if (config == null) {
            throw new CommandFailed("no database: give --db PATH or a configuration with db.path");
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
