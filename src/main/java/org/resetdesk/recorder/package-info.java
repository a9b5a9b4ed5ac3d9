/**
 * The virtual recorder: a simulated Hikvision-type DVR/NVR that staff train on and the test suite relies on.
 *
 * <ul>
 *   <li>{@link org.resetdesk.recorder.VirtualRecorder} - the device without sockets: SADP payload in, reply out;
 *       persistent state in {@code recorder.properties}, RAM state (exported challenge, exchange randoms, wrong-code
 *       lock) lost on reboot; its own clock; power control (reboot, power off/on) and events
 *       ({@link org.resetdesk.recorder.RecorderEvents}).</li>
 *   <li>{@link org.resetdesk.recorder.SadpResponder} - the device on one interface (UDP, group + unicast).</li>
 *   <li>{@link org.resetdesk.recorder.ControlServer} - loopback HTTP control API used by {@code recorder-ctl}.</li>
 *   <li>{@link org.resetdesk.recorder.RecorderRuntime} - all of the above wired together, e.g. for the kiosk's
 *       training mode: {@code RecorderRuntime.start(RecorderConfig.training(Profile.NVR), "lo", port, null)}.</li>
 *   <li>{@link org.resetdesk.recorder.SupportDesk} - the training support desk; answers virtual recorders only.</li>
 * </ul>
 */
package org.resetdesk.recorder;
