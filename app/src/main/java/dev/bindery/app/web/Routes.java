package dev.bindery.app.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends each request to the handler for its exact path, checking the method first. An unknown
 * path goes to the fallback handler, or gets 404 when there is none; a known path with another
 * method gets 405 and an {@code Allow} header. A path that takes GET also takes HEAD.
 */
final class Routes extends Handler.Wrapper
{
    private record Route(Set<String> methods, Handler handler) {}

    private final Map<String, Route> routes;

    private Routes(Map<String, Route> routes, Handler fallback)
    {
        super(fallback);
        this.routes = Map.copyOf(routes);
        // The routes' handlers start and stop with this one
        routes.values().forEach(route -> addBean(route.handler()));
    }

    @Override
    public void setServer(Server server)
    {
        super.setServer(server);
        routes.values().forEach(route -> route.handler().setServer(server));
    }

    static Builder builder()
    {
        return new Builder();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception
    {
        Route route = routes.get(request.getHttpURI().getPath());
        if (route == null) {
            if (getHandler() != null) {
                return super.handle(request, response, callback);
            }
            Responses.text(response, callback, HttpStatus.NOT_FOUND_404, "Not found");
            return true;
        }
        if (!route.methods().contains(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", route.methods()));
            Responses.text(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed");
            return true;
        }
        return route.handler().handle(request, response, callback);
    }

    static final class Builder
    {
        private final Map<String, Route> routes = new LinkedHashMap<>();

        Builder get(String path, Handler handler)
        {
            return add(path, List.of(HttpMethod.GET.asString(), HttpMethod.HEAD.asString()), handler);
        }

        Builder post(String path, Handler handler)
        {
            return add(path, List.of(HttpMethod.POST.asString()), handler);
        }

        private Builder add(String path, List<String> methods, Handler handler)
        {
            if (routes.putIfAbsent(path, new Route(new LinkedHashSet<>(methods), handler)) != null) {
                throw new IllegalArgumentException("Path " + path + " has a route already");
            }
            return this;
        }

        Routes orElse(Handler fallback)
        {
            return new Routes(routes, fallback);
        }

        Routes orNotFound()
        {
            return new Routes(routes, null);
        }
    }
}
