package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.DeviceOutcome.Kind;

/** Every Result text of sadp-protocol.md §2.1 to a typed outcome, with retry and lock figures. */
class SadpOutcomesTest {
    private static DeviceOutcome reply(String inner) throws SadpFormatException {
        return SadpOutcomes.of(SadpCodec.decode(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<ProbeMatch>\r\n"
                + "<Uuid>U</Uuid>\r\n<Types>reset</Types>\r\n" + inner + "</ProbeMatch>\r\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({"success,SUCCESS", "failed,DENIED", "failure,DENIED", "denied,DENIED", "locked,LOCKED",
        "notActivated,NOT_ACTIVATED", "riskPassword,RISK_PASSWORD", "hasActivated,HAS_ACTIVATED",
        "emptyEncryptString,EMPTY_ENCRYPT_STRING", "exportFileOverDue,EXPORT_FILE_OVERDUE",
        "PasswordError,PASSWORD_ERROR", "LongAnswer,ANSWER_ERROR", "invalidGUID,INVALID_GUID",
        "AnswerError,ANSWER_ERROR", "QuestionNumErr,ANSWER_ERROR", "IllegalVerificationCode,OTHER",
        "BindErrorDev,OTHER", "ExcedMaxBindNum,OTHER", "notExist,MAILBOX_NOT_SET", "notSetMailBox,MAILBOX_NOT_SET",
        "codeError,CODE_ERROR", "CodeError,CODE_ERROR", "notSetPhoneNo,OTHER", "notBind,OTHER",
        "somethingNew,OTHER"})
    void everyResultText(String result, Kind kind) throws Exception {
        DeviceOutcome o = reply("<Result>" + result + "</Result>\r\n");
        assertThat(o.kind()).isEqualTo(kind);
        assertThat(o.rawResult()).isEqualTo(result);
        assertThat(o.retriesLeft()).isNull();
        assertThat(o.lockedMinutes()).isNull();
    }

    @Test
    void codeErrorCarriesRetriesLeft() throws Exception {
        DeviceOutcome o = reply("<Result>codeError</Result>\r\n<RetryTimes>3</RetryTimes>\r\n");
        assertThat(o).isEqualTo(new DeviceOutcome(Kind.CODE_ERROR, 3, null, "codeError"));
    }

    @Test
    void lockedCarriesMinutesLeft() throws Exception {
        DeviceOutcome o = reply("<Result>locked</Result>\r\n<SurplusLockTime>27</SurplusLockTime>\r\n"
                + "<RetryTimes>0</RetryTimes>\r\n");
        assertThat(o).isEqualTo(new DeviceOutcome(Kind.LOCKED, 0, 27, "locked"));
    }

    @Test
    void passwordErrorReadsRetryModifyTime() throws Exception {
        assertThat(reply("<Result>PasswordError</Result><RetryModifyTime>6</RetryModifyTime>").retriesLeft())
                .isEqualTo(6);
    }

    @Test
    void voidingResultsVoidTheAttempt() throws Exception {
        assertThat(reply("<Result>emptyEncryptString</Result>").voidsAttempt()).isTrue();
        assertThat(reply("<Result>exportFileOverDue</Result>").voidsAttempt()).isTrue();
        assertThat(reply("<Result>codeError</Result>").voidsAttempt()).isFalse();
    }

    @Test
    void noResultAndTimeout() throws Exception {
        assertThat(reply("").kind()).isEqualTo(Kind.OTHER);
        assertThat(SadpOutcomes.timeout()).isEqualTo(new DeviceOutcome(Kind.TIMEOUT, null, null, null));
    }
}
