package org.resetdesk.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.ResetMethod;

/** Opens the recorder link on first use, so commands that only read the store never touch the network. */
public final class LazyLink implements RecorderLink {
    private final CliContext ctx;
    private final String iface;
    private RecorderLink link;

    public LazyLink(CliContext ctx, String iface) {
        this.ctx = ctx;
        this.iface = iface;
    }

    private synchronized RecorderLink get() {
        if (link == null) {
            link = ctx.link(iface);
        }
        return link;
    }

    @Override
    public PortIdentity port() {
        return get().port();
    }

    @Override
    public List<DeviceInfo> discover(Duration timeout, Consumer<DeviceInfo> onEachFound) {
        return get().discover(timeout, onEachFound);
    }

    @Override
    public Optional<DeviceInfo> poll(String mac, Duration timeout) {
        return get().poll(mac, timeout);
    }

    @Override
    public ExportResult export(String mac, ResetMethod method) {
        return get().export(mac, method);
    }

    @Override
    public DeviceOutcome reset(String mac, ResetReply reply, char[] pw, boolean sync, boolean codeEncrypt) {
        return get().reset(mac, reply, pw, sync, codeEncrypt);
    }

    @Override
    public DeviceOutcome activate(String mac, char[] password) {
        return get().activate(mac, password);
    }

    @Override
    public DeviceOutcome resetDirect(String mac, org.resetdesk.job.DirectProof proof, char[] pw, boolean sync) {
        return get().resetDirect(mac, proof, pw, sync);
    }

    @Override
    public List<String> securityQuestions(String mac) {
        return get().securityQuestions(mac);
    }

    @Override
    public GuidExport exportGuid(String mac, char[] currentPassword) {
        return get().exportGuid(mac, currentPassword);
    }

    @Override
    public void onAnnouncement(Consumer<DeviceInfo> listener) {
        get().onAnnouncement(listener);
    }
}
