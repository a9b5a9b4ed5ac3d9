package org.resetdesk.sadp;

import java.util.ArrayList;
import java.util.List;
import org.resetdesk.sadp.SadpCodec.Element;

/**
 * Every request the kiosk sends, byte for byte as the vendor's SDK writes it (sadp-protocol.md §2, §3, §5):
 * {@code <?xml version="1.0" encoding="utf-8"?><Probe><Uuid/>[<MAC/>]<Types/>…</Probe>}, no whitespace, elements in
 * the SDK's order. Pure. Passwords, answers and (when {@code codeEncrypt}) codes are passed in already encrypted
 * with the exchange random ({@link SadpCrypto#encryptWithRandom}); this class never sees a plain password.
 */
public final class SadpRequests {
    private SadpRequests() {}

    /** Discovery (no MAC). */
    public static byte[] inquiry(String uuid) {
        return SadpCodec.probe(uuid, null, "inquiry", List.of());
    }

    /** Unicast cross-subnet discovery of the SDK (no MAC). */
    public static byte[] inquiryV32(String uuid) {
        return SadpCodec.probe(uuid, null, "inquiry_v32", List.of());
    }

    /** Sends the base64 PKCS#1 public key ({@link SadpCrypto#encodePublicKey}); the device answers with a random. */
    public static byte[] exchangeCode(String uuid, String mac, String publicKeyBase64) {
        return SadpCodec.probe(uuid, mac, "exchangecode", List.of(Element.of("Code", publicKeyBase64)));
    }

    public static byte[] getEncryptString(String uuid, String mac) {
        return generic(uuid, mac, "getencryptstring");
    }

    public static byte[] getCode(String uuid, String mac) {
        return generic(uuid, mac, "getcode");
    }

    /**
     * Reset with a support reply (file content or 8-character key): Password, [SyncIPCPassword], Code. With
     * {@code codeEncrypted} the Code element carries {@code bEncrypt="true"} (device advertises {@code codeEncrypt}).
     */
    public static byte[] reset(String uuid, String mac, String encPassword, boolean syncIpc, String code,
                               boolean codeEncrypted) {
        return SadpCodec.probe(uuid, mac, "reset", passwordSyncCode(encPassword, syncIpc, code, codeEncrypted));
    }

    /** Legacy firmware (< 5.3): {@code reset} with the security code only; the password becomes the default. */
    public static byte[] legacyReset(String uuid, String mac, String securityCode) {
        return SadpCodec.probe(uuid, mac, "reset", List.of(Element.of("Code", securityCode)));
    }

    public static byte[] getQrCodes(String uuid, String mac) {
        return generic(uuid, mac, "GetQRcodes");
    }

    public static byte[] getSecurityQuestion(String uuid, String mac) {
        return generic(uuid, mac, "getsecurityquestion");
    }

    /** One security answer, encrypted with the exchange random. */
    public record Answer(String id, String encAnswer) {}

    /** [SyncIPCPassword], QuestionList of exactly the given {@code Question{ID, Answer, mark=true}}, Password. */
    public static byte[] answerReset(String uuid, String mac, boolean syncIpc, List<Answer> answers,
                                     String encPassword) {
        List<Element> questions = new ArrayList<>();
        for (Answer a : answers) {
            questions.add(Element.of("Question", SadpCodec.nested(List.of(Element.of("ID", a.id()),
                    Element.of("Answer", a.encAnswer()), Element.of("mark", "true")))));
        }
        List<Element> rest = new ArrayList<>();
        if (syncIpc) {
            rest.add(Element.of("SyncIPCPassword", "true"));
        }
        rest.add(Element.of("QuestionList", SadpCodec.nested(questions)));
        rest.add(Element.of("Password", encPassword));
        return SadpCodec.probe(uuid, mac, "AnswerReset", rest);
    }

    /** Export the GUID while the current admin password is known. */
    public static byte[] exportGuid(String uuid, String mac, String encCurrentPassword) {
        return SadpCodec.probe(uuid, mac, "ExportGUID", List.of(Element.of("Password", encCurrentPassword)));
    }

    /** [SyncIPCPassword], GUID (file content), Password (new). */
    public static byte[] guidReset(String uuid, String mac, boolean syncIpc, String guid, String encPassword) {
        List<Element> rest = new ArrayList<>();
        if (syncIpc) {
            rest.add(Element.of("SyncIPCPassword", "true"));
        }
        rest.add(Element.of("GUID", guid));
        rest.add(Element.of("Password", encPassword));
        return SadpCodec.probe(uuid, mac, "GUIDReset", rest);
    }

    /** Password (new), [SyncIPCPassword], Code (the code mailed to the reserved address). */
    public static byte[] mailReset(String uuid, String mac, String encPassword, boolean syncIpc, String code,
                                   boolean codeEncrypted) {
        return SadpCodec.probe(uuid, mac, "MailReset", passwordSyncCode(encPassword, syncIpc, code, codeEncrypted));
    }

    public static byte[] getPasswordResetType(String uuid, String mac) {
        return generic(uuid, mac, "getPasswordResetType");
    }

    public static byte[] getUnbindStatus(String uuid, String mac) {
        return generic(uuid, mac, "getUnbindStatus");
    }

    /** Unbind from Hik-Connect with the admin password. */
    public static byte[] ezvizUnbind(String uuid, String mac, String encPassword) {
        return SadpCodec.probe(uuid, mac, "ezvizUnbind", List.of(Element.of("Password", encPassword)));
    }

    /** First password of an inactive device. */
    public static byte[] activate(String uuid, String mac, String encPassword) {
        return SadpCodec.probe(uuid, mac, "activate", List.of(Element.of("Password", encPassword)));
    }

    /** The SDK's parameterless template {@code <Probe><Uuid/><MAC/><Types/></Probe>}. */
    public static byte[] generic(String uuid, String mac, String types) {
        return SadpCodec.probe(uuid, mac, types, List.of());
    }

    private static List<Element> passwordSyncCode(String encPassword, boolean syncIpc, String code,
                                                  boolean codeEncrypted) {
        List<Element> rest = new ArrayList<>();
        rest.add(Element.of("Password", encPassword));
        if (syncIpc) {
            rest.add(Element.of("SyncIPCPassword", "true"));
        }
        rest.add(codeEncrypted ? Element.withAttribute("Code", code, "bEncrypt", "true") : Element.of("Code", code));
        return rest;
    }
}
