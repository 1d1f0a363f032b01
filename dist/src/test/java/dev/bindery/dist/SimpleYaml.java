package dev.bindery.dist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Block-style YAML as the examples write it: nested maps, lists of plain or quoted scalars,
 * comments. Anything else (flow collections, lists of maps, multi-line strings, anchors) is
 * refused rather than misread, so a check built on it cannot pass by accident. Enough for
 * compose.yaml without a YAML library.
 */
final class SimpleYaml
{
    private record Line(int number, int indent, String content) {}

    private final List<Line> lines;
    private int next;

    private SimpleYaml(List<Line> lines)
    {
        this.lines = lines;
    }

    /** The document's top-level map; a key with nothing under it maps to null. */
    static Map<String, Object> parse(String text)
    {
        List<Line> lines = new ArrayList<>();
        List<String> raw = text.lines().toList();
        for (int i = 0; i < raw.size(); i++) {
            String content = withoutComment(raw.get(i)).stripTrailing();
            if (content.isBlank()) {
                continue;
            }
            int indent = content.length() - content.stripLeading().length();
            lines.add(new Line(i + 1, indent, content.strip()));
        }
        SimpleYaml parser = new SimpleYaml(lines);
        if (lines.isEmpty()) {
            return Map.of();
        }
        Object document = parser.block(lines.get(0).indent());
        if (parser.next < lines.size()) {
            throw parser.unsupported(lines.get(parser.next), "indentation");
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the document is not a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) document;
        return map;
    }

    private Object block(int indent)
    {
        return lines.get(next).content().startsWith("- ") ? list(indent) : map(indent);
    }

    private Map<String, Object> map(int indent)
    {
        Map<String, Object> map = new LinkedHashMap<>();
        while (next < lines.size() && lines.get(next).indent() == indent) {
            Line line = lines.get(next++);
            String content = line.content();
            int colon = content.endsWith(":") ? content.length() - 1 : content.indexOf(": ");
            if (colon <= 0 || content.startsWith("- ")) {
                throw unsupported(line, "a line that is not \"key: value\"");
            }
            String key = content.substring(0, colon).strip();
            String value = content.substring(colon + 1).strip();
            Object parsed;
            if (!value.isEmpty()) {
                parsed = scalar(line, value);
            }
            else if (next < lines.size() && lines.get(next).indent() > indent) {
                parsed = block(lines.get(next).indent());
            }
            else {
                parsed = null;
            }
            if (map.put(key, parsed) != null) {
                throw unsupported(line, "a repeated key");
            }
        }
        return map;
    }

    private List<Object> list(int indent)
    {
        List<Object> list = new ArrayList<>();
        while (next < lines.size() && lines.get(next).indent() == indent
                && lines.get(next).content().startsWith("- ")) {
            Line line = lines.get(next++);
            String item = line.content().substring(2).strip();
            if (item.matches("[\\w.-]+:( .*)?")) {
                throw unsupported(line, "a list of maps");
            }
            list.add(scalar(line, item));
        }
        return list;
    }

    private Object scalar(Line line, String value)
    {
        char first = value.charAt(0);
        if (first == '"' || first == '\'') {
            if (value.length() < 2 || value.charAt(value.length() - 1) != first) {
                throw unsupported(line, "an unterminated quoted string");
            }
            return value.substring(1, value.length() - 1);
        }
        if ("[{|>&*!".indexOf(first) >= 0) {
            throw unsupported(line, "flow collections, block strings, anchors and tags");
        }
        return value;
    }

    private IllegalArgumentException unsupported(Line line, String what)
    {
        return new IllegalArgumentException(
                "line " + line.number() + ": " + what + " is not supported: " + line.content());
    }

    // A comment starts at "#" at the start of the line or after a blank, outside quotes.
    private static String withoutComment(String line)
    {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            }
            else if (c == '"' || c == '\'') {
                quote = c;
            }
            else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
