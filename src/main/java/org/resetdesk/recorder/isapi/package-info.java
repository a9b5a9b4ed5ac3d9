/**
 * The virtual recorder's ISAPI server: {@link org.resetdesk.recorder.isapi.IsapiServer} over an
 * {@link org.resetdesk.recorder.isapi.IsapiDeviceState}. {@link org.resetdesk.recorder.isapi.InMemoryIsapiDeviceState}
 * serves tests; the virtual recorder backs the interface with its persistent state (serial, model, firmware, MAC,
 * admin password check, clock with its offset, disks, loopEnable, hikConnectBound, reserved e-mail, login lock), so
 * {@code recorder-ctl state} reports what ISAPI changed. {@code IsapiServer.Options.forProfile(profile)} gives each
 * {@code recorder --profile} its namespace variant.
 */
package org.resetdesk.recorder.isapi;
