package org.resetdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.sadp.ProbeMatch;

/** The JSON Lines shape of a decoded SADP document (CLI contract: {@code decode}, {@code discover}). */
final class SadpJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SadpJson() {}

    /** All contract keys, in contract order; {@code pm} null means the file could not be decoded at all. */
    static Map<String, Object> device(String file, ProbeMatch pm, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("root", pm == null ? null : pm.root());
        m.put("types", pm == null ? null : pm.types());
        m.put("model", pm == null ? null : pm.model());
        m.put("serial", pm == null ? null : pm.serial());
        m.put("mac", pm == null ? null : pm.mac());
        m.put("ipv4", pm == null ? null : pm.ipv4());
        m.put("subnetMask", pm == null ? null : pm.subnetMask());
        m.put("gateway", pm == null ? null : pm.gateway());
        m.put("firmware", pm == null ? null : pm.firmware());
        m.put("bootTime", pm == null ? null : pm.bootTime());
        m.put("activated", pm == null ? null : pm.activated());
        m.put("resetMethods", pm == null ? null : methods(pm));
        m.put("syncIpcPassword", pm == null ? null : pm.syncIpcPassword());
        m.put("hikConnectEnabled", pm == null ? null : pm.hikConnectEnabled());
        m.put("truncated", pm != null && pm.truncated());
        m.put("error", error);
        return m;
    }

    private static List<String> methods(ProbeMatch pm) {
        return pm.resetMethods().stream().sorted().map(ResetMethod::name).toList();
    }

    static String line(Map<String, Object> m) {
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
