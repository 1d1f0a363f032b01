package dev.bindery.app;

import java.util.Map;

class ServesOverTcpTest extends ServedApplicationContract
{
    ServesOverTcpTest() throws Exception
    {
        super(RunningApp.overTcp(Map.of()));
    }

    @Override
    String expectedTransport()
    {
        return "tcp";
    }

    @Override
    String expectedEndpoint()
    {
        // Port 0 was asked for; the status reports the port the kernel chose
        return "127.0.0.1:" + app.base.getPort();
    }

    @Override
    String expectedClientAddress()
    {
        return "127.0.0.1";
    }
}
