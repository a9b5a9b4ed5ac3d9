package org.resetdesk.recorder;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.resetdesk.sadp.SadpDocument;

/**
 * The recovery paths that need no vendor support: security questions, the GUID file, and the admin-password
 * commands around Hik-Connect; plus {@code getPasswordResetType}. Runs under the recorder's lock. Unknown or
 * unsupported commands get {@code failed} (SDK: "device denied").
 */
final class RecoveryHandler {
    private static final int MAX_ANSWER_BYTES = 256;
    private final VirtualRecorder r;
    private final CommandHandler c;

    RecoveryHandler(VirtualRecorder r, CommandHandler c) {
        this.r = r;
        this.c = c;
    }

    Optional<byte[]> handle(SadpDocument q) {
        RecorderState s = r.state;
        Profile p = r.profile;
        if (!s.activated) {
            return c.reply(q, "notActivated").send();
        }
        return switch (q.types()) {
            case "getsecurityquestion" -> p.questions() ? questions(q) : failed(q);
            case "AnswerReset" -> p.questions() ? answerReset(q) : failed(q);
            case "ExportGUID" -> p.guid() ? exportGuid(q) : failed(q);
            case "GUIDReset" -> p.guid() ? guidReset(q) : failed(q);
            case "getPasswordResetType" -> p.resetType() ? resetType(q) : failed(q);
            case "getUnbindStatus" -> p.hikConnect() ? unbindStatus(q) : failed(q);
            case "ezvizUnbind" -> p.hikConnect() ? ezvizUnbind(q) : failed(q);
            default -> failed(q);
        };
    }

    private Optional<byte[]> failed(SadpDocument q) {
        return c.reply(q, "failed").send();
    }

    private Optional<byte[]> questions(SadpDocument q) {
        StringBuilder list = new StringBuilder();
        for (RecorderState.Question question : r.state.questions) {
            list.append("<Question><ID>").append(question.id()).append("</ID><mark>true</mark></Question>");
        }
        return c.reply(q, "success").with("QuestionList", list.toString()).send();
    }

    private Optional<byte[]> answerReset(SadpDocument q) {
        Optional<byte[]> locked = c.lockedReply(q);
        if (locked.isPresent()) {
            return locked;
        }
        List<String> ids = q.all("ID");
        List<String> answers = q.all("Answer");
        List<RecorderState.Question> set = r.state.questions;
        if (set.isEmpty() || ids.size() != set.size() || answers.size() != ids.size()) {
            return c.reply(q, "QuestionNumErr").send();
        }
        boolean right = true;
        for (int i = 0; i < ids.size(); i++) {
            char[] answer = c.decrypt(answers.get(i));
            if (answer == null) {
                return failed(q);
            }
            try {
                if (answer.length > MAX_ANSWER_BYTES) {
                    return c.reply(q, "LongAnswer").send();
                }
                RecorderState.Question expected = find(ids.get(i));
                char[] normal = new String(answer).trim().toLowerCase(Locale.ROOT).toCharArray();
                right &= expected != null && PasswordHashes.matches(normal, expected.answerHash());
                PasswordHashes.wipe(normal);
            } finally {
                PasswordHashes.wipe(answer);
            }
        }
        return right ? c.setNewPassword(q, () -> { }) : c.wrong(q, "AnswerError");
    }

    private RecorderState.Question find(String id) {
        for (RecorderState.Question question : r.state.questions) {
            if (Integer.toString(question.id()).equals(id.trim())) {
                return question;
            }
        }
        return null;
    }

    private Optional<byte[]> exportGuid(SadpDocument q) {
        Optional<byte[]> locked = c.lockedReply(q);
        if (locked.isPresent()) {
            return locked;
        }
        if (!adminPassword(q)) {
            return c.wrong(q, "PasswordError");
        }
        r.ram.succeed();
        if (r.state.guid == null) {
            r.state.guid = RecorderState.hex(r.random, 16).toUpperCase(Locale.ROOT);
        }
        r.state.guidExported = true;
        r.persist();
        return c.reply(q, "success").with("GUID", r.state.guid).send();
    }

    private Optional<byte[]> guidReset(SadpDocument q) {
        Optional<byte[]> locked = c.lockedReply(q);
        if (locked.isPresent()) {
            return locked;
        }
        String guid = q.get("GUID");
        if (r.state.guid == null || !r.state.guidExported || guid == null
                || !guid.trim().equalsIgnoreCase(r.state.guid)) {
            return c.wrong(q, "invalidGUID");
        }
        // A used GUID file is void: the next one must be exported again with the new password.
        return c.setNewPassword(q, () -> {
            r.state.guid = RecorderState.hex(r.random, 16).toUpperCase(Locale.ROOT);
            r.state.guidExported = false;
        });
    }

    private Optional<byte[]> resetType(SadpDocument q) {
        RecorderState s = r.state;
        return c.reply(q, "success")
                .with("PasswordResetTypeEnabled", "true")
                .with("SecurityQuestionEnabled", !s.questions.isEmpty())
                .with("GuidFileDataEnabled", s.guid != null && s.guidExported)
                .with("SecurityEmailEnabled", s.reservedEmail != null)
                .with("HCVerificationCodeEnabled", s.hcPlatformEnable && s.hikConnectBound)
                .send();
    }

    private Optional<byte[]> unbindStatus(SadpDocument q) {
        RecorderState s = r.state;
        String result = !s.hcPlatformEnable ? "unenableHCPlatform" : s.hikConnectBound ? "success" : "notBind";
        return c.reply(q, result).send();
    }

    private Optional<byte[]> ezvizUnbind(SadpDocument q) {
        Optional<byte[]> locked = c.lockedReply(q);
        if (locked.isPresent()) {
            return locked;
        }
        if (!adminPassword(q)) {
            return c.wrong(q, "PasswordError");
        }
        r.ram.succeed();
        if (!r.state.hikConnectBound) {
            return c.reply(q, "notBind").send();
        }
        r.state.hikConnectBound = false;
        r.persist();
        return c.reply(q, "success").send();
    }

    private boolean adminPassword(SadpDocument q) {
        char[] pw = c.decrypt(q.get("Password"));
        try {
            return pw != null && PasswordHashes.matches(pw, r.state.passwordHash);
        } finally {
            PasswordHashes.wipe(pw);
        }
    }
}
