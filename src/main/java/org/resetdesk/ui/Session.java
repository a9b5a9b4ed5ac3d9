package org.resetdesk.ui;

import java.util.Locale;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.job.StaffDirectory;

/**
 * What the kiosk is doing right now: who is signed in, which job is on screen, and the wizard's in-between values
 * (the device found, the request exported, the reply typed). Confined to the EDT; screens read and write it and
 * ask it to navigate.
 */
public final class Session {
    private final KioskContext ctx;
    private KioskSettings settings;
    private KioskFrame frame;
    private StaffDirectory.Staff staff;
    private Job job;
    private DeviceInfo device;
    private JobService.Exported exported;
    private RecorderLink.ResetReply reply;
    private String lastOutcome;
    private ResetMethod method;
    private String managerTab = "today";
    private org.resetdesk.job.AftercareReport aftercare;

    Session(KioskContext ctx) {
        this.ctx = ctx;
        this.settings = ctx.settings();
    }

    void attach(KioskFrame f) {
        this.frame = f;
    }

    public KioskContext ctx() {
        return ctx;
    }

    public JobService jobs() {
        return ctx.jobs();
    }

    public KioskSettings settings() {
        return settings;
    }

    /** Applies counter-safe settings (idle time, font scale, contrast, language) and rebuilds the look. */
    public void changeSettings(KioskSettings next) {
        Ui.assertEdt();
        boolean look = next.highContrast() != settings.highContrast() || next.fontScale() != settings.fontScale();
        boolean lang = !next.locale().equals(settings.locale());
        settings = next;
        if (lang) {
            Messages.use(next.locale());
            Locale.setDefault(next.locale());
        }
        if (look || lang) {
            frame.rebuild(look);
        }
    }

    /** The manager screen's open section; kept across the rebuild a settings change causes. */
    public String managerTab() {
        return managerTab;
    }

    public void managerTab(String tab) {
        managerTab = tab;
    }

    public StaffDirectory.Staff staff() {
        return staff;
    }

    public boolean isManager() {
        return staff != null && staff.role() == StaffDirectory.Role.MANAGER;
    }

    public void signedIn(StaffDirectory.Staff s) {
        Ui.assertEdt();
        staff = s;
        frame.staffChanged();
        show("board");
    }

    /** Signs out (idle lock or the lock button): any half-typed job data is dropped, screens wipe themselves. */
    public void signOut() {
        Ui.assertEdt();
        staff = null;
        clearJob();
        frame.staffChanged();
        show("attract");
    }

    public Job job() {
        return job;
    }

    public void job(Job j) {
        job = j;
    }

    public void startNewJob() {
        clearJob();
        show("customer");
    }

    /** Opens an existing job on the screen that fits its state. */
    public void openJob(Job j) {
        clearJob();
        job = j;
        show(Screens.forState(j));
    }

    public void clearJob() {
        job = null;
        device = null;
        exported = null;
        reply = null;
        lastOutcome = null;
        method = null;
        aftercare = null;
    }

    /** The reset method staff chose on the recorder screen (falls back to the job's recommended one). */
    public ResetMethod method() {
        return method != null ? method : job == null ? null : job.method();
    }

    /** The last aftercare report of the job on screen (never the password), or null. */
    public org.resetdesk.job.AftercareReport aftercare() {
        return aftercare;
    }

    public void aftercare(org.resetdesk.job.AftercareReport r) {
        aftercare = r;
    }

    public void method(ResetMethod m) {
        method = m;
    }

    public DeviceInfo device() {
        return device;
    }

    public void device(DeviceInfo d) {
        device = d;
    }

    public JobService.Exported exported() {
        return exported;
    }

    public void exported(JobService.Exported e) {
        exported = e;
    }

    public RecorderLink.ResetReply reply() {
        return reply;
    }

    public void reply(RecorderLink.ResetReply r) {
        reply = r;
    }

    /** The last device answer to show on the import screen (wrong key, locked), or null. */
    public String lastOutcome() {
        return lastOutcome;
    }

    public void lastOutcome(String text) {
        lastOutcome = text;
    }

    public void show(String screen) {
        frame.show(screen);
    }

    public Overlay overlay() {
        return frame.overlay();
    }

    /** Asks for a manager's PIN, then runs {@code then} (leaving the kiosk, opening the manager screen). */
    public void requireManager(String purposeKey, Runnable then) {
        overlay().open(new PinPrompt(this, purposeKey, true, s -> {
            overlay().close();
            then.run();
        }, () -> overlay().close()));
    }

    /** Leaves the kiosk with this exit code (after a manager PIN). */
    public void leave(int code) {
        frame.leave(code);
    }
}
