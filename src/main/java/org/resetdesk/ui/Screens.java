package org.resetdesk.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.resetdesk.job.Job;
import org.resetdesk.ui.screen.AftercareScreen;
import org.resetdesk.ui.screen.AttractScreen;
import org.resetdesk.ui.screen.BoardScreen;
import org.resetdesk.ui.screen.ConnectScreen;
import org.resetdesk.ui.screen.CustomerScreen;
import org.resetdesk.ui.screen.DoneScreen;
import org.resetdesk.ui.screen.ExportScreen;
import org.resetdesk.ui.screen.ImportScreen;
import org.resetdesk.ui.screen.ManagerScreen;
import org.resetdesk.ui.screen.PasswordScreen;
import org.resetdesk.ui.screen.RecorderScreen;
import org.resetdesk.ui.screen.SignInScreen;
import org.resetdesk.ui.screen.WaitingScreen;

/** Builds every screen, and knows which screen a job in a given state belongs on. */
public final class Screens {
    /** The wizard's steps in order; the ids are the screens' card names. */
    public static final List<String> WIZARD =
            List.of("customer", "connect", "recorder", "export", "waiting", "import", "password", "done");

    private Screens() {}

    /** Every screen by id, built on first use (only the attract screen is needed for the first frame). */
    static Map<String, Function<Session, KioskScreen>> factories() {
        Map<String, Function<Session, KioskScreen>> m = new LinkedHashMap<>();
        m.put("attract", AttractScreen::new);
        m.put("signin", SignInScreen::new);
        m.put("board", BoardScreen::new);
        m.put("customer", CustomerScreen::new);
        m.put("connect", ConnectScreen::new);
        m.put("recorder", RecorderScreen::new);
        m.put("export", ExportScreen::new);
        m.put("waiting", WaitingScreen::new);
        m.put("import", ImportScreen::new);
        m.put("password", PasswordScreen::new);
        m.put("aftercare", AftercareScreen::new);
        m.put("done", DoneScreen::new);
        m.put("manager", ManagerScreen::new);
        return m;
    }

    /** The screen where work on this job continues. */
    public static String forState(Job j) {
        return switch (j.state()) {
            case INTAKE -> "connect";
            case IDENTIFIED -> j.device() != null && !j.device().isActivated() ? "password" : "recorder";
            case REQUEST_EXPORTED -> "export";
            case AWAITING_REPLY, REPLY_RECEIVED, VOIDED -> "waiting";
            case PASSWORD_SET, AFTERCARE, CLOSED, ABANDONED -> "done";
        };
    }
}
