package org.resetdesk.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpCodec.Element;
import org.resetdesk.sadp.SadpDocument;

/** A command reply: {@code ProbeMatch} with Uuid, MAC, Types (echoed), Result and type-specific elements. */
final class Reply {
    private final List<Element> elements = new ArrayList<>();

    private Reply(SadpDocument request, String mac, String result) {
        elements.add(Element.of("Uuid", request.get("Uuid")));
        elements.add(Element.of("MAC", mac));
        elements.add(Element.of("Types", request.types()));
        elements.add(Element.of("Result", result));
    }

    static Reply of(SadpDocument request, String mac, String result) {
        return new Reply(request, mac, result);
    }

    Reply with(String name, Object value) {
        elements.add(Element.of(name, String.valueOf(value)));
        return this;
    }

    Optional<byte[]> send() {
        return Optional.of(SadpCodec.deviceDocument("ProbeMatch", elements));
    }
}
