package dev.bindery.transport.uds;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What slf4j-simple writes to standard error (it looks System.err up at every line) while open. */
final class LogCapture implements AutoCloseable
{
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    LogCapture()
    {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    String text()
    {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close()
    {
        System.setErr(original);
        original.print(text());
    }
}
