package dev.bindery.transport;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/** Helpers for what a failed {@code Server.start()} throws. */
public final class Bindings
{
    private Bindings() {}

    /**
     * Jetty wraps connector failures and adds them as suppressed exceptions; this finds the
     * transport's own {@link BindingException} anywhere among causes and suppressed exceptions.
     */
    public static Optional<BindingException> findBindingFailure(Throwable failure)
    {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof BindingException binding) {
                return Optional.of(binding);
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(java.util.List.of(next.getSuppressed()));
        }
        return Optional.empty();
    }
}
