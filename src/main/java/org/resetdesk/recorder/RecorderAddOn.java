package org.resetdesk.recorder;

import java.nio.file.Path;

/**
 * Something the {@code recorder} command starts beside the SADP responder: the ISAPI server ({@code --isapi-port})
 * or the boot-log writer ({@code --console}). Started after the recorder's first boot; it listens through
 * {@link VirtualRecorder#addListener} and reads state through {@link VirtualRecorder#snapshot} and the hooks there.
 */
@FunctionalInterface
public interface RecorderAddOn {
    /**
     * @param isapiPort the {@code --isapi-port} value or null; an ISAPI add-on reports its bound port back with
     *                  {@link VirtualRecorder#setHttpPort}
     * @param console   the {@code --console} pty path or null
     * @return what to close when the recorder stops, or null if the add-on had nothing to do
     */
    AutoCloseable start(VirtualRecorder recorder, Integer isapiPort, Path console) throws Exception;
}
