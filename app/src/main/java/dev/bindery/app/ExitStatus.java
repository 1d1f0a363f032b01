package dev.bindery.app;

/** The statuses the process exits with, from {@code sysexits.h} where one fits. */
public enum ExitStatus
{
    /** Stopped on request (SIGTERM, SIGINT) after draining, or a command that succeeded. */
    OK(0),
    /** Anything else; the log says what. */
    FAILURE(1),
    /** Bad command-line usage ({@code EX_USAGE}). */
    USAGE(64),
    /** Could not bind or could not take the socket path ({@code EX_CANTCREAT}). */
    CANNOT_BIND(73),
    /** A configuration error ({@code EX_CONFIG}). */
    CONFIGURATION(78);

    private final int code;

    ExitStatus(int code)
    {
        this.code = code;
    }

    public int code()
    {
        return code;
    }
}
