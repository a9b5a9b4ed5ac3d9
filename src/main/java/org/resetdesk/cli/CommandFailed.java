package org.resetdesk.cli;

/** The operation was refused or failed: exit 1 with this one-line message on stderr. */
public final class CommandFailed extends RuntimeException {
    public CommandFailed(String message) {
        super(message);
    }
}
