package dev.bindery.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.security.auth.module.UnixSystem;
import dev.bindery.app.web.AccessLog;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The access log, caught by an appender on the {@code bindery.access} logger. */
class AccessLogTest
{
    // The combined format's date: [03/Dec/2026:17:05:12 +0000]
    private static final String DATE =
            "\\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\]";

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private RunningApp app;

    @BeforeEach
    void catchTheAccessLog()
    {
        lines.start();
        accessLogger().addAppender(lines);
    }

    @AfterEach
    void stop() throws Exception
    {
        accessLogger().detachAppender(lines);
        if (app != null) {
            app.close();
        }
    }

    @Test
    void logsEachRequestInTheCombinedFormatWithTheResolvedClient() throws Exception
    {
        app = RunningApp.overTcp(Map.of("BINDERY_ACCESS_LOG", "true"));

        ContentResponse response = app.http.newRequest(app.uri("/api/status?x=1"))
                .agent("probe/1.0 \"quoted\"")
                .headers(headers -> headers
                        .add("Referer", "http://example.com/")
                        .add("X-Forwarded-For", "6.6.6.6, 203.0.113.9"))
                .send();

        String line = lineWhenLogged();
        // The quotes inside the agent are escaped, so they cannot end the field
        assertThat(line).matches("203\\.0\\.113\\.9 - - " + DATE
                + " \"GET /api/status\\?x=1 HTTP/1\\.1\" 200 " + response.getContent().length
                + " \"http://example\\.com/\" \"probe/1\\.0 \\\\\"quoted\\\\\"\"");
        assertThat(lines.list.get(0).getLevel()).hasToString("INFO");
    }

    @Test
    void logsANotFoundWithNoReferer() throws Exception
    {
        app = RunningApp.overTcp(Map.of("BINDERY_ACCESS_LOG", "true"));

        app.http.newRequest(app.uri("/missing")).agent("probe").send();

        assertThat(lineWhenLogged()).matches("127\\.0\\.0\\.1 - - " + DATE
                + " \"GET /missing HTTP/1\\.1\" 404 \\d+ \"-\" \"probe\"");
    }

    @Test
    void endsTheLineWithThePeerUidOnAUnixSocket() throws Exception
    {
        app = RunningApp.overUnixSocket(Map.of("BINDERY_ACCESS_LOG", "true"));

        app.http.newRequest(app.uri("/health")).agent("probe").send();
        app.http.newRequest(app.uri("/health")).agent("probe").headers(headers -> headers
                .add("X-Forwarded-For", "203.0.113.9")).send();

        String uid = String.valueOf(new UnixSystem().getUid());
        // No address without forwarded headers; {"status":"UP"} is 15 bytes
        assertThat(lineWhenLogged()).matches("- - - " + DATE
                + " \"GET /health HTTP/1\\.1\" 200 15 \"-\" \"probe\" peer_uid=" + uid);
        assertThat(linesWhenLogged(2).get(1))
                .startsWith("203.0.113.9 - - ")
                .endsWith(" peer_uid=" + uid);
    }

    @Test
    void logsNothingWhenOff() throws Exception
    {
        app = RunningApp.overTcp(Map.of());

        app.http.GET(app.uri("/health"));
        app.http.GET(app.uri("/api/status"));
        // The log is written after the response is sent: give it the time it would take
        Thread.sleep(300);

        assertThat(lines.list).isEmpty();
    }

    private String lineWhenLogged() throws Exception
    {
        return linesWhenLogged(1).get(0);
    }

    /** The line is written once the response is complete, which may be after the client has it. */
    private List<String> linesWhenLogged(int count) throws Exception
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines.list.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lines.list).as("access log lines").hasSizeGreaterThanOrEqualTo(count);
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Logger accessLogger()
    {
        return (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    }
}
