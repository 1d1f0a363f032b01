package dev.bindery.transport;

import java.io.IOException;

/**
 * An endpoint could not be bound: the address is in use, the socket path is occupied, or a
 * permission is missing. The message names the address or path and the cause in one line; the
 * platform exits with status 73 ({@code EX_CANTCREAT}) on it.
 */
public class BindingException extends IOException
{
    public BindingException(String message)
    {
        super(message);
    }

    public BindingException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
