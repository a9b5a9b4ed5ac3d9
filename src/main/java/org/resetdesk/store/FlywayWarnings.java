package org.resetdesk.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log, reduced to its warnings and errors (to slf4j). Its progress lines would otherwise land on a headless
 * command's stdout, where only the command's own output belongs. Flyway creates it by class name.
 */
public final class FlywayWarnings implements LogCreator {
    @Override
    public Log createLogger(Class<?> type) {
        Logger log = LoggerFactory.getLogger(type);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return false;
            }

            @Override
            public void debug(String message) {
                // dropped: progress detail
            }

            @Override
            public void info(String message) {
                // dropped: progress detail
            }

            @Override
            public void notice(String message) {
                // dropped: edition notices
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }

            @Override
            public void error(String message) {
                log.error(message);
            }

            @Override
            public void error(String message, Exception e) {
                log.error(message, e);
            }
        };
    }
}
