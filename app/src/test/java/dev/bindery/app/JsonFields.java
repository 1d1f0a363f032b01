package dev.bindery.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads single fields out of the flat status documents, enough for assertions without a JSON library. */
final class JsonFields
{
    private JsonFields() {}

    /** The raw value of the first field with this name: {@code "text"} unquoted, a number, or {@code null}. */
    static String field(String json, String name)
    {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("No field " + name + " in " + json);
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }
}
