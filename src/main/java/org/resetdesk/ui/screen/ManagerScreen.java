package org.resetdesk.ui.screen;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.job.StaffDirectory;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.KioskSettings;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/** Manager: staff accounts, the settings that are safe to change at the counter, and today's figures. */
public final class ManagerScreen extends ScreenBase {
    private final JPanel staffList = new JPanel(new MigLayout("insets 0, wrap 2, gap 8 4", "[][]push"));
    private final JTextField newId = new JTextField();
    private final JTextField newName = new JTextField();
    private final JPasswordField newPin = new JPasswordField(new org.resetdesk.ui.SecretDocument(), null, 8);
    private final JCheckBox newManager = new JCheckBox();
    private final JLabel staffMsg = new JLabel(" ");
    private final JPanel settings = new JPanel(new MigLayout("insets 16, wrap 1, gap 6", "[grow, fill]"));
    private java.util.function.Consumer<String> showTab;
    private final JPanel figures = new JPanel(new MigLayout("insets 16, wrap 2, gap 40 10", "[][]push"));

    public ManagerScreen(Session session) {
        super(session, "manager", "manager.title");
        lead(msg("manager.lead"));
        body.setLayout(new MigLayout("fill, insets 0, gap 12", "[grow, fill]", "[][grow, fill]"));
        JPanel tabs = new JPanel(new MigLayout("insets 0, gap 8", "", "[52!]"));
        tabs.setOpaque(false);
        java.awt.CardLayout cards = new java.awt.CardLayout();
        JPanel sections = new JPanel(cards);
        sections.setOpaque(false);
        ButtonGroup tabGroup = new ButtonGroup();
        JPanel staff = new JPanel(new MigLayout("insets 16, wrap 4, gap 12 8", "[][grow, fill][][grow, fill]"));
        Ui.style(staff, "card");
        staff.add(Ui.label("manager.staff", "h3"), "span 4");
        staffList.setOpaque(false);
        staff.add(staffList, "span 4, growx, gapbottom 8");
        newManager.setText(msg("manager.isManager"));
        for (Object[] f : new Object[][] {{"manager.newId", newId}, {"manager.newName", newName},
                {"manager.newPin", newPin}}) {
            ((JTextField) f[1]).setName((String) f[0]);
            staff.add(Ui.label((String) f[0], "muted"));
            staff.add((JTextField) f[1], "h 48!");
        }
        newManager.setName("manager.newManager");
        staff.add(newManager, "span 2, h 48!");
        JButton add = Ui.button("manager.add", "manager.add", "kioskSecondary");
        add.setIcon(Icons.sized(Icons.PLUS, 20));
        add.addActionListener(e -> onAdd());
        staff.add(add, "span 2, h 52!");
        staffMsg.setName("manager.staffMsg");
        staff.add(staffMsg, "span 2");
        Ui.style(settings, "card");
        Ui.style(figures, "card");
        figures.setName("manager.figures");
        String[][] parts = {{"today", "manager.today"}, {"staff", "manager.staff"}, {"settings", "manager.settings"}};
        JPanel[] panels = {figures, staff, settings};
        for (int i = 0; i < parts.length; i++) {
            String id = parts[i][0];
            JToggleButton t = Ui.named(new JToggleButton(msg(parts[i][1])), "manager.tab." + id);
            Ui.style(t, "choice");
            t.addActionListener(e -> {
                cards.show(sections, id);
                session.managerTab(id);
            });
            tabGroup.add(t);
            tabs.add(t, "h 52!");
            sections.add(panels[i], id);
        }
        showTab = id -> {
            cards.show(sections, id);
            ((JToggleButton) Ui.find(tabs, "manager.tab." + id)).setSelected(true);
        };
        body.add(tabs, "wrap");
        body.add(sections, "hmin 0");
        back("manager.back", () -> session.show("board"));
    }

    @Override
    public void onShow() {
        newId.setText("");
        newName.setText("");
        newPin.setText("");
        staffMsg.setText(" ");
        showTab.accept(session.managerTab());
        loadStaff();
        buildSettings();
        loadFigures();
    }

    @Override
    public void onHide() {
        newPin.setText("");
    }

    private void loadStaff() {
        CompletableFuture.supplyAsync(() -> session.ctx().staff().list(), session.ctx().io())
                .whenCompleteAsync((list, err) -> {
                    staffList.removeAll();
                    if (list != null) {
                        for (StaffDirectory.Staff s : list) {
                            staffList.add(new JLabel(s.name() + "  (" + s.id() + ")", Icons.sized(Icons.USER, 18),
                                    JLabel.LEFT));
                            staffList.add(Ui.label("manager.role." + s.role(), "muted"));
                        }
                    }
                    staffList.revalidate();
                }, Ui.EDT);
    }

    private void onAdd() {
        String id = newId.getText().trim();
        String name = newName.getText().trim();
        char[] pin = newPin.getPassword();
        newPin.setText("");
        if (id.isEmpty() || name.isEmpty() || pin.length < 4 || !new String(pin).chars().allMatch(Character::isDigit)) {
            Arrays.fill(pin, '\0');
            staffMsg.setText(msg("manager.addInvalid"));
            return;
        }
        StaffDirectory.Role role = newManager.isSelected() ? StaffDirectory.Role.MANAGER : StaffDirectory.Role.STAFF;
        CompletableFuture.runAsync(() -> {
            try {
                session.ctx().staff().add(id, name, pin, role);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, session.ctx().io()).whenCompleteAsync((v, err) -> {
            staffMsg.setText(err == null ? fmt("manager.added", name) : Ui.describe(err));
            newId.setText("");
            newName.setText("");
            loadStaff();
        }, Ui.EDT);
    }

    private void buildSettings() {
        settings.removeAll();
        settings.setLayout(new MigLayout("insets 16, wrap 2, gap 48 6", "[][]push"));
        KioskSettings s = session.settings();
        settings.add(Ui.label("manager.settings", "h3"), "span 2");
        settings.add(Ui.label("manager.idle", "muted"));
        settings.add(Ui.label("manager.font", "muted"));
        settings.add(choices("manager.idle", List.of(60, 120, 300, 600), s.idleLockSeconds(),
                v -> fmt("manager.minutes", v / 60), v -> session.changeSettings(s.withIdleLockSeconds(v))));
        settings.add(choices("manager.font", List.of(100, 115, 130), Math.round(s.fontScale() * 100),
                v -> v + " %", v -> session.changeSettings(s.withFontScale(v / 100f))));
        settings.add(Ui.label("manager.contrast", "muted"), "gaptop 12");
        settings.add(Ui.label("manager.language", "muted"), "gaptop 12");
        settings.add(choices("manager.contrast", List.of(0, 1), s.highContrast() ? 1 : 0,
                v -> msg(v == 1 ? "manager.contrastHigh" : "manager.contrastNormal"),
                v -> session.changeSettings(s.withHighContrast(v == 1))));
        settings.add(choices("manager.language", List.of(0, 1), s.locale().getLanguage().equals("de") ? 1 : 0,
                v -> v == 1 ? "Deutsch" : "English",
                v -> session.changeSettings(s.withLocale(v == 1 ? Locale.GERMAN : Locale.ENGLISH))));
        settings.revalidate();
    }

    private JPanel choices(String name, List<Integer> values, int current,
                           java.util.function.IntFunction<String> text, Consumer<Integer> apply) {
        JPanel row = new JPanel(new MigLayout("insets 0, gap 6", "", "[48!]"));
        row.setOpaque(false);
        ButtonGroup g = new ButtonGroup();
        for (int v : values) {
            JToggleButton b = Ui.named(new JToggleButton(text.apply(v)), name + "." + v);
            Ui.style(b, "choice");
            b.setMargin(new java.awt.Insets(8, 12, 8, 12));
            b.setSelected(v == current);
            b.addActionListener(e -> {
                if (v != current) {
                    apply.accept(v);
                }
            });
            g.add(b);
            row.add(b, "h 48!");
        }
        return row;
    }

    private void loadFigures() {
        session.jobs().openJobs().thenCombine(session.jobs().searchClosed(""), (open, closed) -> {
            List<Job> all = new ArrayList<>(open);
            all.addAll(closed);
            return all;
        }).whenCompleteAsync((all, err) -> showFigures(all == null ? List.of() : all, all == null ? 0 : open(all)),
                Ui.EDT);
    }

    private static int open(List<Job> all) {
        return (int) all.stream().filter(Job::isOpen).count();
    }

    private void showFigures(List<Job> all, int openNow) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.ofInstant(session.ctx().clock().instant(), zone);
        long opened = all.stream().filter(j -> LocalDate.ofInstant(j.createdAt(), zone).equals(today)).count();
        long done = count(all, JobState.CLOSED, today, zone);
        long abandoned = count(all, JobState.ABANDONED, today, zone);
        long voided = all.stream().filter(j -> j.state() == JobState.VOIDED).count();
        figures.removeAll();
        figures.add(Ui.label("manager.today", "h3"), "span 2");
        figure("manager.fig.opened", opened);
        figure("manager.fig.closed", done);
        figure("manager.fig.abandoned", abandoned);
        figure("manager.fig.open", openNow);
        figure("manager.fig.voided", voided);
        figures.revalidate();
    }

    private static long count(List<Job> all, JobState s, LocalDate day, ZoneId zone) {
        return all.stream().filter(j -> j.state() == s && LocalDate.ofInstant(j.updatedAt(), zone).equals(day)).count();
    }

    private void figure(String key, long value) {
        figures.add(Ui.label(key, "lead"));
        JLabel v = new JLabel(String.valueOf(value));
        v.setName(key);
        Ui.style(v, "h2");
        figures.add(v, "align right");
    }
}
