package io.producer.server.store;

import java.sql.SQLException;

/** A database failure: a bug or a broken disk, never the user's fault (the API answers 500). */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
