package org.resetdesk.recorder.isapi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.resetdesk.recorder.RecorderAddOn;
import org.resetdesk.recorder.VirtualRecorder;

/**
 * Starts the virtual recorder's ISAPI server for {@code --isapi-port} (0 = any free port) on the wildcard address of
 * the recorder's own namespace, and reports the bound port back as the recorder's {@code HttpPort}.
 */
public final class IsapiAddOn implements RecorderAddOn {
    private final InetAddress bind;

    public IsapiAddOn(InetAddress bind) {
        this.bind = bind;
    }

    @Override
    public AutoCloseable start(VirtualRecorder recorder, Integer isapiPort, Path console) throws Exception {
        if (isapiPort == null) {
            return null;
        }
        IsapiServer server = IsapiServer.start(new InetSocketAddress(bind, isapiPort),
                new RecorderIsapiState(recorder), IsapiServer.Options.forProfile(recorder.profile().id()),
                Clock.systemUTC());
        recorder.setHttpPort(server.address().getPort());
        return server;
    }
}
