package org.resetdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of JDBC work run by {@link H2Database} while it holds its connection lock. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
