package dev.bindery.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest
{
    @Test
    void placesCommasBetweenMembersOfNestedObjects()
    {
        String json = new JsonWriter()
                .beginObject()
                .name("a").value(1)
                .name("b").beginObject().name("c").value("x").name("d").nullValue().endObject()
                .name("e").value(true)
                .endObject()
                .toString();

        assertThat(json).isEqualTo("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":null},\"e\":true}");
    }

    @Test
    void escapesWhatWouldEndOrBreakAString()
    {
        String json = new JsonWriter().beginObject().name("path").value("a\"b\\c\nd\u0001e\u2028").endObject().toString();

        assertThat(json).isEqualTo("{\"path\":\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"}");
    }

    @Test
    void keepsOtherUnicodeAsItIs()
    {
        assertThat(new JsonWriter().value("/tmp/ä/☃.sock").toString()).isEqualTo("\"/tmp/ä/☃.sock\"");
    }
}
