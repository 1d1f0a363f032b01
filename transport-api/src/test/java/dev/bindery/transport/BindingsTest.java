package dev.bindery.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindingsTest
{
    @Test
    void findsABindingFailureAmongSuppressedAndCauses()
    {
        BindingException binding = new BindingException("unix:/tmp/x.sock is in use");
        RuntimeException wrapper = new RuntimeException("start failed", new IllegalStateException("inner"));
        wrapper.addSuppressed(new RuntimeException("connector", binding));

        assertThat(Bindings.findBindingFailure(wrapper)).containsSame(binding);
        assertThat(Bindings.findBindingFailure(new RuntimeException("other"))).isEmpty();
    }
}
