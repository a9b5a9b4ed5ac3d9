package org.resetdesk.recorder;

/**
 * What other parts of a virtual recorder (its SADP responder, an ISAPI server, a boot-log writer on a pty) hook into.
 * Called on the thread that caused the change (a control request, the recorder's power thread), outside the
 * recorder's lock; implementations return quickly and must not call back into a blocking operation.
 */
public interface RecorderEvents {
    /** The device went dark: a reboot started or power was cut. RAM state is already gone. */
    default void onPowerOff(VirtualRecorder recorder) {}

    /** Power is on and the boot has begun (a console would print the U-Boot banner now); still silent on SADP. */
    default void onBooting(VirtualRecorder recorder) {}

    /** The boot finished: the device answers again, with this new {@code BootTime} (device clock, as sent). */
    default void onBoot(VirtualRecorder recorder, String bootTime) {}

    /** Persistent or RAM state changed (password set, export made, IP changed, clock moved...). */
    default void onStateChanged(VirtualRecorder recorder) {}
}
