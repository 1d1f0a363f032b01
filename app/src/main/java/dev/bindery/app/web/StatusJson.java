package dev.bindery.app.web;

import dev.bindery.transport.uds.PeerCredentials;

import java.util.Optional;
import java.util.OptionalInt;

/** The status document that {@code /api/status} returns and {@code /live} sends every second. */
public final class StatusJson
{
    public static final String NAME = "bindery";
    public static final String LIVE_PATH = "/live";

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

        // Absolute, as the client addresses this server through its proxies
        json.name("links").beginObject()
                .name("live").value(request.origin().webSocketUrl(LIVE_PATH))
                .endObject();
        return json.endObject().toString();
    }

    private static void writeRequest(JsonWriter json, RequestArrival request)
    {
        json.beginObject()
                .name("clientAddress").value(request.clientAddress())
                .name("method").value(request.method())
                .name("path").value(request.path())
                .name("protocol").value(request.protocol())
                .name("scheme").value(request.origin().scheme())
                .name("host").value(request.origin().host())
                .name("prefix").value(request.origin().prefix())
                .name("peer");
        writePeer(json, request.peer());
        json.endObject();
    }

    /** {@code {"uid":0,"gid":0,"user":"root","group":"root"}}, a member null when unknown. */
    private static void writePeer(JsonWriter json, Optional<PeerCredentials> peer)
    {
        if (peer.isEmpty()) {
            json.nullValue();
            return;
        }
        json.beginObject().name("uid");
        number(json, peer.get().uid());
        json.name("gid");
        number(json, peer.get().gid());
        json.name("user").value(peer.get().user().orElse(null))
                .name("group").value(peer.get().group().orElse(null))
                .endObject();
    }

    /** Linux ids are unsigned 32-bit numbers, which Java's int shows negative above 2^31 - 1. */
    private static void number(JsonWriter json, OptionalInt value)
    {
        if (value.isPresent()) {
            json.value(Integer.toUnsignedLong(value.getAsInt()));
        }
        else {
            json.nullValue();
        }
    }
}
