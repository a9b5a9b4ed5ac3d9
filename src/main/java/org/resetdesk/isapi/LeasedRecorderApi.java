package org.resetdesk.isapi;

import java.util.List;
import org.resetdesk.job.RecorderApi;

/** A {@link RecorderApi} that gives its borrowed address back when closed. */
final class LeasedRecorderApi implements RecorderApi {
    private final RecorderApi api;
    private final AddressAlias.Lease lease;

    LeasedRecorderApi(RecorderApi api, AddressAlias.Lease lease) {
        this.api = api;
        this.lease = lease;
    }

    String borrowedAddress() {
        return lease.cidr();
    }

    @Override public Result<Login> verify(String user, char[] password) { return api.verify(user, password); }
    @Override public Result<Identity> deviceInfo() { return api.deviceInfo(); }
    @Override public Result<DeviceClock> time() { return api.time(); }
    @Override public Result<List<Disk>> disks() { return api.disks(); }
    @Override public Result<Boolean> overwrite() { return api.overwrite(); }
    @Override public Result<Boolean> enableOverwrite() { return api.enableOverwrite(); }
    @Override public Result<CloudStatus> cloudStatus() { return api.cloudStatus(); }
    @Override public Result<CloudStatus> unbindCloud(char[] password) { return api.unbindCloud(password); }
    @Override public Result<Boolean> setReservedEmail(String address) { return api.setReservedEmail(address); }
    @Override public Transport transport() { return api.transport(); }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            lease.close();
        }
    }
}
