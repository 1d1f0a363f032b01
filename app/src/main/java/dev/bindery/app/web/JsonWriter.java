package dev.bindery.app.web;

/**
 * Writes a small JSON document by hand: objects, strings, numbers, booleans and null. The
 * documents this application sends are a handful of fields, which a JSON library would not repay.
 *
 * <p>Calls follow the document's shape: {@code beginObject()}, then {@code name(...)} and a value
 * for each member, then {@code endObject()}. Commas are placed by the writer.
 */
public final class JsonWriter
{
    private final StringBuilder out = new StringBuilder();
    // Whether the next member of the innermost open object needs a comma before it
    private boolean needsComma;

    public JsonWriter beginObject()
    {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    public JsonWriter endObject()
    {
        out.append('}');
        needsComma = true;
        return this;
    }

    public JsonWriter name(String name)
    {
        separate();
        quote(name);
        out.append(':');
        // The value follows the colon with no comma of its own
        needsComma = false;
        return this;
    }

    public JsonWriter value(String value)
    {
        separate();
        if (value == null) {
            out.append("null");
        }
        else {
            quote(value);
        }
        needsComma = true;
        return this;
    }

    public JsonWriter value(long value)
    {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    public JsonWriter value(boolean value)
    {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    public JsonWriter nullValue()
    {
        return value((String) null);
    }

    @Override
    public String toString()
    {
        return out.toString();
    }

    private void separate()
    {
        if (needsComma) {
            out.append(',');
            needsComma = false;
        }
    }

    /** A JSON string literal; control characters and the two that end or escape a string are escaped. */
    private void quote(String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028 and U+2029 are valid JSON but end a line in older JavaScript
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
