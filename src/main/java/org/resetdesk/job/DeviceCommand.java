package org.resetdesk.job;

import java.util.Locale;

/**
 * A command the kiosk may send to a recorder, named by its wire name (SADP {@code Types} or an ISAPI
 * {@code METHOD /path}), with its class. The command policy decides on the class.
 */
public record DeviceCommand(String name, CommandClass commandClass) {

    /** Classifies a SADP message type (sadp-protocol.md §3). Unknown types count as REBOOT-class: refused when in doubt. */
    public static DeviceCommand sadp(String types) {
        String t = types.toLowerCase(Locale.ROOT).replace("_v31", "");
        CommandClass c = switch (t) {
            case "inquiry", "inquiry_v32", "exchangecode", "getsecurityquestion", "getpasswordresettype",
                 "getunbindstatus", "getbindlist", "selfcheck" -> CommandClass.READ;
            // every export draws a new challenge in the device's RAM: the previous request (and its reply) dies
            case "getencryptstring", "getcode", "getqrcodes", "getphonenoqrcode" -> CommandClass.EXPORT;
            case "reset", "reset2", "mailreset", "guidreset", "answerreset", "phonenoreset" -> CommandClass.RESET;
            case "activate" -> CommandClass.ACTIVATE;
            case "ezvizunbind", "setmailbox", "exportguid", "setsecurityquestion", "sethcplatform",
                 "setverificationcode", "lamp" -> CommandClass.CONFIGURE;
            case "restoreinactive" -> CommandClass.REACTIVATE;
            case "update", "ehomeenable", "wifiparamcfg" -> CommandClass.READDRESS;
            case "reboot" -> CommandClass.REBOOT;
            case "restore", "ezvizunbinddelusers", "setbindlist" -> CommandClass.RESTORE;
            default -> CommandClass.REBOOT;
        };
        return new DeviceCommand(types, c);
    }

    /** Classifies an ISAPI call (recorder-console-and-isapi.md Part B). Unknown writes are refused when in doubt. */
    public static DeviceCommand isapi(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        String p = path.toLowerCase(Locale.ROOT);
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        CommandClass c;
        if (m.equals("GET")) {
            c = CommandClass.READ;
        } else if (p.contains("/reboot")) {
            c = CommandClass.REBOOT;
        } else if (p.contains("/factoryreset") || p.contains("/format") || p.contains("/configurationdata")) {
            c = CommandClass.RESTORE;
        } else if (p.contains("/updatefirmware") || p.contains("/upgrade")) {
            c = CommandClass.UPGRADE;
        } else if (p.startsWith("/isapi/system/time") || p.contains("/ntpservers")) {
            c = CommandClass.RETIME;
        } else if (p.startsWith("/isapi/system/network/interfaces") || p.contains("/ipaddress")) {
            c = CommandClass.READDRESS;
        } else if (p.startsWith("/isapi/contentmgmt/storage") || p.startsWith("/isapi/contentmgmt/record/tracks")
                || p.contains("/ezviz") || p.startsWith("/isapi/security/users")
                || p.startsWith("/isapi/security/emailcertification")) {
            c = CommandClass.CONFIGURE;
        } else {
            c = CommandClass.REBOOT;
        }
        return new DeviceCommand(m + " " + path, c);
    }
}
