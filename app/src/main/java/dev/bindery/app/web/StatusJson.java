package dev.bindery.app.web;

/** The status document that {@code /api/status} returns and {@code /live} sends every second. */
public final class StatusJson
{
    public static final String NAME = "bindery";

    private StatusJson() {}

    public static String render(ServerStatus status, RequestArrival request)
    {
        JsonWriter json = new JsonWriter()
                .beginObject()
                .name("name").value(NAME)
                .name("version").value(status.version())
                .name("transport").value(status.transport())
                .name("endpoint").value(status.endpoint())
                .name("uptimeSeconds").value(status.uptimeSeconds())
                .name("requestsServed").value(status.requestsServed())
                .name("draining").value(status.isDraining())
                .name("request");
        writeRequest(json, request);
        return json.endObject().toString();
    }

    private static void writeRequest(JsonWriter json, RequestArrival request)
    {
        json.beginObject()
                .name("clientAddress").value(request.clientAddress())
                .name("method").value(request.method())
                .name("path").value(request.path())
                .name("protocol").value(request.protocol())
                .endObject();
    }
}
