package org.resetdesk.job;

/** What a device command does to the recorder, as far as the no-reboot and timing guards care. */
public enum CommandClass {
    /** Reads only: inquiry, status, disk list, cloud status. */
    READ,
    /** Exports a reset challenge (replaces any pending one). */
    EXPORT,
    /** Uses a reset challenge or another proof to set a new password. */
    RESET,
    /** Sets the first password of an inactive device. */
    ACTIVATE,
    /** Changes settings that do not restart or re-address the device (overwrite, cloud unbind, reserved e-mail). */
    CONFIGURE,
    /** Restarts the device. */
    REBOOT,
    /** Factory default, restore-inactive, format: wipes state. */
    RESTORE,
    /** Puts the device back to inactive so it can be activated again. */
    REACTIVATE,
    /** Changes the device's IP, mask, gateway, DHCP or ports. */
    READDRESS,
    /** Changes the device's clock or time zone. */
    RETIME,
    /** Firmware upgrade. */
    UPGRADE;

    /** Classes the command policy refuses while a job on that recorder is open. */
    public boolean forbiddenDuringOpenJob() {
        return switch (this) {
            case REBOOT, RESTORE, REACTIVATE, READDRESS, RETIME, UPGRADE -> true;
            default -> false;
        };
    }
}
