package org.resetdesk.store;

/**
 * The store cannot do what was asked: the database cannot be opened, the disk is full, a row is refused. The message
 * is one line a person can act on and names the file or row involved; it never contains a PIN or password.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
