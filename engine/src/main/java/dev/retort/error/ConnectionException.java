package dev.retort.error;

/**
 * The server could not be reached, refused the credentials, or the connection broke during a
 * run. Transactions open at that moment were rolled back by the server.
 */
public final class ConnectionException extends RetortException {

    /**
     * @param message what failed and what to check; never contains a password
     * @param cause   the driver's exception
     */
    public ConnectionException(String message, Throwable cause) {
        super(ErrorCode.CONNECTION_FAILED, message, cause);
    }
}
