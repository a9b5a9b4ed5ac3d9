package org.resetdesk.console;

/**
 * The kinds of boot-log line the parser recognises (patterns from Hikvision-type NVR, DVR and camera consoles), and
 * what each one is evidence of.
 */
public enum ConsoleEventType {
    /** {@code U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)}: fields {@code version, date}. */
    BOOT_BANNER(Evidence.BOOT),
    /** {@code Hit ctrl+u to stop autoboot:  0} (any case): field {@code countdown}. */
    AUTOBOOT_GATE(Evidence.BOOT),
    /** {@code HKVS $} or {@code HKVS #}: the restricted bootloader prompt (someone interrupted the boot). */
    HKVS_PROMPT(Evidence.INFO),
    /** {@code Now press [u/U] key to upgrade software}: the bootloader's upgrade menu. */
    UPGRADE_MENU(Evidence.INFO),
    /** {@code File system error, please upgrade by TFTP}: the recorder cannot start its system. */
    FS_ERROR(Evidence.FAILURE),
    /** {@code Starting kernel ...}. */
    KERNEL_START(Evidence.INFO),
    /** {@code Verifying RSA ... OK}. */
    RSA_OK(Evidence.INFO),
    /** {@code MAC: 08-A1-89-0E-18-97}: field {@code mac} (lower-case, dash-separated, as SADP spells it). */
    MAC(Evidence.INFO),
    /** {@code TFTP from server A; our IP address is B}: fields {@code serverIp, deviceIp}. */
    TFTP_START(Evidence.INFO),
    /** {@code Download Filename 'digicap.dav'.}: field {@code file}. */
    TFTP_FILE(Evidence.INFO),
    /** {@code Bytes transferred = 16007532 (f4406c hex)}: field {@code bytes}. */
    TFTP_BYTES(Evidence.INFO),
    /** {@code Retry count exceeded} or {@code TFTP error: '...'}: field {@code reason}. */
    TFTP_FAIL(Evidence.INFO),
    /** {@code The board info: language - 0x1 device_class - 0x5DE oemCode - 0x1}: fields {@code language, deviceClass, oemCode}. */
    BOARD_INFO(Evidence.INFO),
    /** {@code cramfs.img checkSum ok !}: the firmware package fits the board. */
    PACKAGE_OK(Evidence.INFO),
    /** {@code upgrade packet mismatch}: the firmware package does not fit the board. */
    PACKAGE_MISMATCH(Evidence.INFO),
    /** {@code Update successfully !} or {@code Upgrade success!}. */
    UPGRADE_DONE(Evidence.INFO),
    /** Halt: {@code -- System halted}, {@code LZMA data is corrupt}, {@code unexpected EOF}, {@code CRAMFS LOAD ERROR}: field {@code reason}. */
    HALT(Evidence.FAILURE),
    /** {@code Resetting CPU ...} or {@code undefined instruction}: field {@code reason}. */
    CPU_RESET(Evidence.FAILURE),
    /** {@code console=ttyS2,115200n8} in the kernel command line: fields {@code tty, baud}. */
    BOOTARGS(Evidence.INFO);

    /** What a line of this kind proves about the recorder. */
    public enum Evidence {
        /** The recorder is (re)starting right now. */
        BOOT,
        /** The recorder is not booting. */
        FAILURE,
        /** Information only. */
        INFO
    }

    private final Evidence evidence;

    ConsoleEventType(Evidence evidence) {
        this.evidence = evidence;
    }

    public Evidence evidence() {
        return evidence;
    }
}
