package org.resetdesk.isapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Borrows an address in a recorder's subnet for the kiosk's dedicated port when the recorder sits in another subnet
 * (a factory-default 192.0.0.64 on a shop network, say). The kiosk never changes the recorder's address. The change
 * is made by the small privileged helper {@code packaging/bin/resetdesk-alias} ({@code add|del IF A.B.C.D/NN}), which
 * only accepts the configured dedicated interface; the lease removes the address again when closed (the job ends).
 * Blocking (runs a process); thread-safe.
 */
public final class AddressAlias {
    /** Exit code of the helper when the address is already in use. */
    static final int IN_USE = 3;

    private final List<String> helper;
    private final String dedicatedInterface;
    private final Duration timeout;

    /**
     * @param helper the command that runs the helper, e.g. {@code [sudo, -n, /usr/lib/resetdesk/resetdesk-alias]}
     * @param dedicatedInterface the kiosk's dedicated port ({@code sadp.interface})
     */
    public AddressAlias(List<String> helper, String dedicatedInterface, Duration timeout) {
        this.helper = List.copyOf(helper);
        this.dedicatedInterface = dedicatedInterface;
        this.timeout = timeout;
    }

    /** Where the packaging installs the helper; the kiosk user runs it through one sudoers rule. */
    public static final String INSTALLED_HELPER = "/usr/lib/resetdesk/resetdesk-alias";

    /** The installed helper through {@code sudo -n} (never prompts), for the dedicated port. */
    public static AddressAlias standard(String dedicatedInterface) {
        return new AddressAlias(List.of("sudo", "-n", INSTALLED_HELPER), dedicatedInterface, Duration.ofSeconds(15));
    }

    /** Why borrowing an address did not work; {@code kind} says whether the helper is missing. */
    public static final class AliasException extends Exception {
        private static final long serialVersionUID = 1L;

        public enum Kind { HELPER_MISSING, REFUSED, IN_USE, FAILED }

        private final Kind kind;

        AliasException(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** An address on the dedicated port; {@link #close} removes it. */
    public final class Lease implements AutoCloseable {
        private final String cidr;
        private boolean closed;

        private Lease(String cidr) {
            this.cidr = cidr;
        }

        public String cidr() {
            return cidr;
        }

        /** Removes the address; a failure is reported, not thrown (the job is over either way). */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    run("del", cidr);
                } catch (AliasException e) {
                    System.getLogger(AddressAlias.class.getName()).log(System.Logger.Level.WARNING,
                            "could not remove " + cidr + " from " + dedicatedInterface + ": " + e.getMessage());
                }
            }
        }
    }

    /** True when {@code recorderIp} is outside the subnet of {@code portCidr} (the dedicated port's A.B.C.D/NN). */
    public static boolean needed(String portCidr, String recorderIp) {
        int prefix = Ipv4.prefix(portCidr);
        return !Ipv4.sameSubnet(Ipv4.parse(portCidr.substring(0, portCidr.indexOf('/'))), Ipv4.parse(recorderIp), prefix);
    }

    /**
     * Addresses to borrow in the recorder's subnet, best first: from the top of the subnet down, never the recorder's
     * own address or its gateway.
     */
    public static List<String> candidates(String recorderIp, String recorderMask, String gateway) {
        int prefix = recorderMask == null || recorderMask.isBlank() ? 24 : Ipv4.prefixOfMask(recorderMask);
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("recorder subnet mask " + recorderMask + " is not usable");
        }
        int ip = Ipv4.parse(recorderIp);
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        int network = ip & mask;
        int broadcast = network | ~mask;
        Integer gw = gateway == null || gateway.isBlank() ? null : Ipv4.parse(gateway);
        List<String> out = new ArrayList<>();
        for (int a = broadcast - 1; a > network && out.size() < 3; a--) {
            if (a != ip && (gw == null || a != gw)) {
                out.add(Ipv4.format(a) + "/" + prefix);
            }
        }
        return out;
    }

    /** Adds the first free candidate to the dedicated port. */
    public Lease borrow(List<String> candidates) throws AliasException {
        AliasException last = null;
        for (String cidr : candidates) {
            try {
                run("add", cidr);
                return new Lease(cidr);
            } catch (AliasException e) {
                if (e.kind() != AliasException.Kind.IN_USE) {
                    throw e;
                }
                last = e;
            }
        }
        throw last != null ? last : new AliasException(AliasException.Kind.FAILED, "no address to borrow");
    }

    private void run(String action, String cidr) throws AliasException {
        Optional<Path> script = helper.stream().filter(s -> s.startsWith("/") && s.contains("resetdesk-alias"))
                .map(Path::of).findFirst();
        if (helper.isEmpty() || script.isPresent() && !Files.isRegularFile(script.get())) {
            throw missing();
        }
        List<String> cmd = new ArrayList<>(helper);
        cmd.addAll(List.of(action, dedicatedInterface, cidr));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw missing();
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AliasException(AliasException.Kind.FAILED, "resetdesk-alias did not finish in " + timeout);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = p.exitValue();
            if (code != 0) {
                AliasException.Kind kind = code == IN_USE ? AliasException.Kind.IN_USE
                        : code == 2 || code == 4 || code == 5 ? AliasException.Kind.REFUSED : AliasException.Kind.FAILED;
                throw new AliasException(kind, out.isEmpty() ? "resetdesk-alias exited with " + code : out);
            }
        } catch (IOException e) {
            throw new AliasException(AliasException.Kind.FAILED, "resetdesk-alias: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AliasException(AliasException.Kind.FAILED, "interrupted while running resetdesk-alias");
        }
    }

    private AliasException missing() {
        return new AliasException(AliasException.Kind.HELPER_MISSING, "the recorder is in another subnet and the"
                + " address helper is not installed (" + String.join(" ", helper) + "): install packaging/"
                + "resetdesk-alias with its sudoers rule, or put the recorder on the dedicated port's subnet");
    }
}
