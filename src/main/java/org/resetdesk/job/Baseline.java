package org.resetdesk.job;

/**
 * What the recorder and the kiosk port looked like when the request was exported. The no-reboot guard compares
 * {@code bootTime}; the same-network guard compares the rest.
 */
public record Baseline(String bootTime, NetworkIdentity network, String portName, String portAddress) {
}
