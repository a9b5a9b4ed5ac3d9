package org.resetdesk.isapi;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.Job;
import org.resetdesk.job.RecorderApi;

/**
 * Opens the {@link RecorderApi} for a job: the recorder's address as SADP reported it, the job's command policy as
 * the gate, the pinned certificate, and — when the recorder is outside the dedicated port's subnet — a borrowed
 * address that is given back when the API is closed. Thread-safe (holds no per-job state).
 */
public final class IsapiConnector {
    private final String portCidr;
    private final AddressAlias alias;
    private final Function<String, IsapiEndpoint> endpointFor;
    private final java.time.Clock clock;

    /**
     * @param portCidr the dedicated port's own address, {@code A.B.C.D/NN}
     * @param alias the address helper, or null when none is installed (a recorder in another subnet is then refused)
     * @param endpointFor where the recorder with this IPv4 listens ({@link IsapiEndpoint#standard} in the kiosk)
     */
    public IsapiConnector(String portCidr, AddressAlias alias, Function<String, IsapiEndpoint> endpointFor,
                          java.time.Clock clock) {
        this.portCidr = portCidr;
        this.alias = alias;
        this.endpointFor = endpointFor;
        this.clock = clock;
    }

    /**
     * The kiosk's connector on its dedicated port: the port's own IPv4/prefix read from the interface, recorders on
     * ports 80/443, and the installed address helper ({@link AddressAlias#standard}).
     *
     * @throws IllegalStateException when the interface does not exist or has no IPv4 address
     */
    public static IsapiConnector onInterface(String interfaceName, java.time.Clock clock) {
        return new IsapiConnector(portCidr(interfaceName), AddressAlias.standard(interfaceName), IsapiEndpoint::standard,
                clock);
    }

    public static String portCidr(String interfaceName) {
        try {
            java.net.NetworkInterface nic = java.net.NetworkInterface.getByName(interfaceName);
            if (nic == null) {
                throw new IllegalStateException("the dedicated port " + interfaceName + " does not exist");
            }
            for (java.net.InterfaceAddress a : nic.getInterfaceAddresses()) {
                if (a.getAddress() instanceof java.net.Inet4Address) {
                    return a.getAddress().getHostAddress() + "/" + a.getNetworkPrefixLength();
                }
            }
            throw new IllegalStateException("the dedicated port " + interfaceName + " has no IPv4 address");
        } catch (java.net.SocketException e) {
            throw new IllegalStateException("cannot read the dedicated port " + interfaceName + ": " + e.getMessage(), e);
        }
    }

    public RecorderApi open(Job job, Optional<String> pinnedCertificate) throws AddressAlias.AliasException {
        if (job.device() == null || job.device().ipv4() == null) {
            throw new IllegalStateException("job " + job.id() + " has no recorder address yet (connect it first)");
        }
        String ip = job.device().ipv4();
        AddressAlias.Lease lease = null;
        if (portCidr != null && AddressAlias.needed(portCidr, ip)) {
            if (alias == null) {
                throw new AddressAlias.AliasException(AddressAlias.AliasException.Kind.HELPER_MISSING,
                        "the recorder (" + ip + ") is outside the dedicated port's subnet (" + portCidr
                                + ") and no address helper is configured");
            }
            List<String> candidates = AddressAlias.candidates(ip, job.device().subnetMask(), job.device().gateway());
            lease = alias.borrow(candidates);
        }
        IsapiClient client = new IsapiClient(endpointFor.apply(ip), Aftercare.gate(job, clock),
                pinnedCertificate.orElse(null));
        return lease == null ? client : new LeasedRecorderApi(client, lease);
    }
}
