package org.resetdesk.console;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a recorder prints on its console while it boots, with the time (ms after power-on, at real speed) at which
 * each piece appears. Pure data: {@link BootLogWriter} plays it onto a port. The lines follow the real logs of
 * Hikvision-type NVRs (DS-7608NI and DS-7732NI class, U-Boot 2010.06): banner first, the ctrl+u gate with its
 * one-second countdown (printed with backspaces, as U-Boot does), storage and kernel lines seconds later, then
 * silence once Linux runs.
 */
public record BootScript(List<Step> steps) {
    public static final String DEFAULT_UBOOT = "2010.06-svn64409";
    public static final String DEFAULT_BUILD_DATE = "Jul 01 2021 - 08:52:03";

    /** {@code text} is written as is (it carries its own CR LF); {@code atMillis} is from the start of the boot. */
    public record Step(long atMillis, String text) {}

    public BootScript {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a boot script needs at least one step");
        }
    }

    /** A normal boot to Linux. {@code mac} in any spelling; printed as U-Boot does ({@code 08-A1-89-0E-18-97}). */
    public static BootScript nvr(String ubootVersion, String buildDate, String mac) {
        List<Step> s = bootloader(ubootVersion, buildDate, mac);
        s.add(new Step(1600, "Mounting yaffs2 mount point/partnum: nand/0\r\n"));
        s.add(new Step(2600, "Copy /nand/uImage to 0x42000000... [DONE]\r\n"));
        s.add(new Step(3100, "Verifying RSA ... OK\r\n"));
        s.add(new Step(3150, "## Booting kernel from Legacy Image at 42000000 ...\r\n"
                + "   Image Name:   Linux-3.18.20\r\n"
                + "   Image Type:   ARM Linux Kernel Image (uncompressed)\r\n"
                + "   Data Size:    3795912 Bytes = 3.6 MiB\r\n"
                + "   Load Address: 40008000\r\n"
                + "   Entry Point:  40008000\r\n"));
        s.add(new Step(3300, "   Verifying Checksum ... OK\r\n   Loading Kernel Image ... OK\r\nOK\r\n\r\n"
                + "Starting kernel ...\r\n\r\n"));
        s.add(new Step(3400, "Uncompressing Linux... done, booting the kernel.\r\n"));
        s.add(new Step(4200, "Booting Linux on physical CPU 0x0\r\n"
                + "Linux version 3.18.20 (build@hik) (gcc version 4.9.4) #1 SMP\r\n"));
        s.add(new Step(4220, "Kernel command line: mem=512M console=ttyS0,115200n8 root=/dev/mtdblock3"
                + " rootfstype=cramfs\r\n"));
        return new BootScript(s);
    }

    /** A boot that dies while unpacking the kernel ({@code LZMA data is corrupt -- System halted}). */
    public static BootScript corruptKernel(String ubootVersion, String buildDate, String mac) {
        List<Step> s = bootloader(ubootVersion, buildDate, mac);
        s.add(new Step(1600, "Mounting yaffs2 mount point/partnum: nand/0\r\n"));
        s.add(new Step(2600, "Copy /nand/uImage to 0x42000000... [DONE]\r\n"));
        s.add(new Step(3150, "## Booting kernel from Legacy Image at 42000000 ...\r\n"
                + "   Uncompressing Kernel Image ... LZMA data is corrupt -- System halted\r\n"));
        return new BootScript(s);
    }

    private static List<Step> bootloader(String ubootVersion, String buildDate, String mac) {
        List<Step> s = new ArrayList<>();
        s.add(new Step(0, "\r\n\r\nU-Boot " + ubootVersion + " (" + buildDate + ")\r\n\r\n"));
        s.add(new Step(30, "I2C:   ready\r\nDRAM:  512 MiB\r\n"));
        s.add(new Step(180, "NAND:  128 MiB\r\n"));
        s.add(new Step(250, "In:    serial\r\nOut:   serial\r\nErr:   serial\r\n"));
        s.add(new Step(300, "Net:   eth0\r\nMAC: " + printedMac(mac) + "\r\n"));
        s.add(new Step(400, "Hit ctrl+u to stop autoboot:  1"));
        s.add(new Step(1400, "\b\b\b 0 "));
        s.add(new Step(1450, "\r\n"));
        return s;
    }

    private static String printedMac(String mac) {
        return org.resetdesk.job.Macs.normalise(mac).toUpperCase(Locale.ROOT);
    }

    /** The whole log as bytes (what a capture of this boot would hold). */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Step step : steps) {
            out.writeBytes(step.text().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Real-speed length of the boot, in ms. */
    public long durationMillis() {
        return steps.get(steps.size() - 1).atMillis();
    }
}
