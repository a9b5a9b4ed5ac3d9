package org.resetdesk.ui;

import java.util.List;
import org.resetdesk.job.Job;
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

    static List<KioskScreen> build(Session s) {
        return List.of(new AttractScreen(s), new SignInScreen(s), new BoardScreen(s), new CustomerScreen(s),
                new ConnectScreen(s), new RecorderScreen(s), new ExportScreen(s), new WaitingScreen(s),
                new ImportScreen(s), new PasswordScreen(s), new DoneScreen(s), new ManagerScreen(s));
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
