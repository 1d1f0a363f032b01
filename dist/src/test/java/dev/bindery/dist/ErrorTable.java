package dev.bindery.dist;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of startup errors in {@code docs/errors.md}, which the README
 * includes word for word: one row per error, each with what the operator set,
 * the situation on disk or network, the exit status and the exact message.
 * Placeholders such as {@code <path>} stand for what each test run creates.
 */
final class ErrorTable
{
    static final String HEADER = "| input | situation | status | message |";

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /**
     * One row.
     *
     * @param line the row exactly as written, for finding it in the README
     * @param input the variables set, as NAME=value with placeholders
     * @param situation the situation cell as written, empty for none
     */
    record Row(String line, Map<String, String> input, String situation, int status, String message)
    {
        @Override
        public String toString()
        {
            String set = String.join(" ", input.entrySet().stream()
                    .map(variable -> variable.getKey() + "=" + variable.getValue()).toList());
            return situation.isEmpty() ? set : set + " [" + situation.replace("`", "") + "]";
        }
    }

    private ErrorTable() {}

    /** The file the build names (docs/errors.md of this checkout). */
    static Path file()
    {
        return Path.of(requireNonNull(System.getProperty("bindery.errorTable"),
                "bindery.errorTable is not set; run the tests through ./mvnw verify"));
    }

    static List<Row> rows()
    {
        return parse(read(file()));
    }

    static String read(Path file)
    {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the table that starts with {@link #HEADER}, up to its first non-table line. */
    static List<Row> parse(String markdown)
    {
        List<String> lines = markdown.lines().toList();
        int header = lines.indexOf(HEADER);
        if (header < 0) {
            throw new IllegalStateException("no line \"" + HEADER + "\" in " + file());
        }
        List<Row> rows = new ArrayList<>();
        // The header, then the |---| line, then the rows
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(row(line));
        }
        return rows;
    }

    private static Row row(String line)
    {
        // No cell holds a "|": messages and inputs are free of it
        String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
        if (cells.length != 4) {
            throw new IllegalStateException("not a row of four cells: " + line);
        }

        Map<String, String> input = new LinkedHashMap<>();
        for (String variable : codeSpans(cells[0])) {
            int equals = variable.indexOf('=');
            input.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        List<String> message = codeSpans(cells[3]);
        if (input.isEmpty() || message.size() != 1) {
            throw new IllegalStateException("a row needs NAME=value inputs and one message, "
                    + "each in backticks: " + line);
        }
        return new Row(line, input, cells[1].strip(), Integer.parseInt(cells[2].strip()),
                message.get(0));
    }

    private static List<String> codeSpans(String cell)
    {
        List<String> spans = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            spans.add(matcher.group(1));
        }
        return spans;
    }
}
