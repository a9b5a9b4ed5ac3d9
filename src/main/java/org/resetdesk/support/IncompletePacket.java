package org.resetdesk.support;

import java.util.List;

/** The packet cannot be built: the request form or the request itself is incomplete. Lists what is missing. */
public final class IncompletePacket extends RuntimeException {
    private final List<String> missing;

    public IncompletePacket(String jobId, List<String> missing) {
        super("the support request for job " + jobId + " is incomplete: missing " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
