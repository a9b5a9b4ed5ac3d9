package org.resetdesk.ui.screen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.Job;
import org.resetdesk.job.Lockout;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.SerialNumbers;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.OnScreenKeyboard;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * Step 6: support's answer. Type the 8-character key on the large keyboard (only letters and digits get in), or
 * pick the reply file from the hand-off folder or a USB stick. The recorder's lockout state is shown.
 */
public final class ImportScreen extends ScreenBase {
    static final int KEY_LENGTH = 8;
    private static final long MAX_FILE = 64 * 1024;
    private final JTextField key = new JTextField(KEY_LENGTH);
    private final JLabel keyState = new JLabel(" ");
    private final JPanel files = new JPanel(new MigLayout("insets 0, wrap 1, gap 8", "[grow, fill]", "[52!]"));
    private final ButtonGroup fileGroup = new ButtonGroup();
    private final JPanel lockBox = new JPanel(new MigLayout("insets 12 16 12 16, gap 12", "[][grow, fill]"));
    private final JLabel lockText = new JLabel(" ");
    private final JButton next;
    private Path chosenFile;

    public ImportScreen(Session session) {
        super(session, "import", "import.title");
        lead(msg("import.lead"));
        body.setLayout(new MigLayout("fill, insets 0, gap 20", "[grow, fill][400!, fill]", "[grow, fill]"));
        JPanel left = new JPanel(new MigLayout("insets 16, wrap 1, gap 8", "[grow, center]"));
        Ui.style(left, "card");
        key.setName("import.key");
        Ui.style(key, "key");
        key.setHorizontalAlignment(JTextField.CENTER);
        ((AbstractDocument) key.getDocument()).setDocumentFilter(new KeyFilter());
        key.getDocument().addDocumentListener(new DocumentListener() {
            public void insertUpdate(DocumentEvent e) { keyChanged(); }
            public void removeUpdate(DocumentEvent e) { keyChanged(); }
            public void changedUpdate(DocumentEvent e) { keyChanged(); }
        });
        key.addActionListener(e -> onNext());
        keyState.setName("import.keyState");
        OnScreenKeyboard kb = new OnScreenKeyboard("import.kb", OnScreenKeyboard.Mode.KEY);
        kb.target(key);
        left.add(Ui.label("import.keyTitle", "h3"), "align left");
        left.add(key, "w 420!, h 72!");
        left.add(keyState);
        left.add(kb, "gaptop 6");
        body.add(left);
        JPanel right = new JPanel(new MigLayout("insets 16, wrap 1, gap 8", "[grow, fill]", "[][][grow, fill][]"));
        Ui.style(right, "card");
        lockBox.setName("import.lockout");
        lockText.setName("import.lockText");
        lockBox.add(new JLabel(Icons.sized(Icons.LOCK, 30)));
        lockBox.add(lockText, "wmin 0");
        right.add(lockBox, "hidemode 3");
        right.add(Ui.label("import.fileTitle", "h3"));
        files.setOpaque(false);
        right.add(files, "aligny top");
        JButton refresh = Ui.button("import.refresh", "import.refresh", "kioskSecondary");
        refresh.setIcon(Icons.sized(Icons.REFRESH, 20));
        refresh.addActionListener(e -> loadFiles());
        right.add(refresh, "h 52!");
        body.add(right);
        back("import.back", () -> session.show("waiting"));
        next = action("import.next", "import.next", true, this::onNext);
    }

    @Override
    public void onShow() {
        Job j = session.job();
        lead(msg(j != null && j.attempt() != null && j.attempt().method().answeredByMail() ? "import.leadMail"
                : "import.lead"));
        key.setText("");
        chosenFile = null;
        showLockout();
        loadFiles();
        keyChanged();
    }

    @Override
    public JComponent firstFocus() {
        return key;
    }

    @Override
    public void jobChanged(Job job) {
        if (isShowing() && session.job() != null && session.job().id().equals(job.id())) {
            showLockout();
        }
    }

    private void showLockout() {
        Job job = session.job();
        Lockout l = job == null ? null : job.lockout();
        Instant now = session.ctx().clock().instant();
        String outcome = session.lastOutcome();
        String text;
        if (l != null && l.lockedAt(now)) {
            long min = Math.max(1, (java.time.Duration.between(now, l.lockedUntil()).toSeconds() + 59) / 60);
            text = fmt("import.locked", min);
            Ui.style(lockBox, "badBox");
        } else if (l != null && l.retriesLeft() != null) {
            text = fmt("import.retriesLeft", l.retriesLeft());
            Ui.style(lockBox, "warnBox");
        } else {
            text = null;
        }
        if (outcome != null) {
            text = outcome;
        }
        lockBox.setVisible(text != null);
        lockText.setText(text == null ? " " : Ui.html(text));
        next.setEnabled(l == null || !l.lockedAt(now));
    }

    private void keyChanged() {
        int n = key.getText().length();
        if (n > 0) {
            chosenFile = null;
            fileGroup.clearSelection();
        }
        keyState.setText(n == KEY_LENGTH ? msg("import.keyOk") : fmt("import.keyCount", n, KEY_LENGTH));
        Ui.style(keyState, n == KEY_LENGTH ? "ok" : "muted");
    }

    private void loadFiles() {
        Job job = session.job();
        List<Path> roots = new ArrayList<>();
        if (session.settings().handoffFolder() != null) {
            roots.add(session.settings().handoffFolder());
        }
        roots.addAll(session.settings().replyRoots());
        String serial = job == null || job.device() == null ? "" : SerialNumbers.fileSafe(job.device().serial());
        CompletableFuture.supplyAsync(() -> replyFiles(roots, serial), session.ctx().io())
                .whenCompleteAsync((list, err) -> showFiles(list == null ? List.of() : list), Ui.EDT);
    }

    /** Candidate reply files: small .xml/.txt files, newest first, not our own exported requests. Runs on I/O. */
    static List<Path> replyFiles(List<Path> roots, String serial) {
        java.util.regex.Pattern own = java.util.regex.Pattern.compile("(?i)" + java.util.regex.Pattern.quote(serial)
                + "-\\d{12}(-attempt\\d+)?\\.xml");
        return NewestFiles.find(roots, 1, p -> {
            String name = p.getFileName().toString();
            return name.matches("(?i).+\\.(xml|txt)") && !own.matcher(name).matches()
                    && NewestFiles.size(p) <= MAX_FILE;
        }, 5);
    }

    private void showFiles(List<Path> list) {
        files.removeAll();
        for (Path p : list) {
            JToggleButton b = new JToggleButton(p.getFileName().toString(), Icons.sized(Icons.FILE, 22));
            b.setName("import.file." + p.getFileName());
            b.setHorizontalAlignment(JToggleButton.LEFT);
            Ui.style(b, "choice");
            b.addActionListener(e -> {
                chosenFile = p;
                key.setText("");
                b.setSelected(true);
            });
            fileGroup.add(b);
            files.add(b, "h 52!");
        }
        if (list.isEmpty()) {
            files.add(Ui.wrapping(msg("import.noFiles"), "muted"));
        }
        files.revalidate();
        files.repaint();
    }

    private void onNext() {
        Ui.assertEdt();
        if (!next.isEnabled()) {
            return;
        }
        if (chosenFile != null) {
            Path p = chosenFile;
            CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, session.ctx().io()).whenCompleteAsync((bytes, err) -> {
                if (err != null) {
                    keyState.setText(Ui.describe(err));
                    return;
                }
                proceed(RecorderLink.ResetReply.file(bytes));
            }, Ui.EDT);
        } else if (key.getText().length() == KEY_LENGTH) {
            proceed(RecorderLink.ResetReply.key(key.getText()));
        } else {
            keyState.setText(msg("import.needReply"));
            Ui.style(keyState, "bad");
        }
    }

    private void proceed(RecorderLink.ResetReply reply) {
        session.reply(reply);
        session.lastOutcome(null);
        session.show("password");
    }

    /** Lets only letters and digits in, at most eight; says so when something else was typed. */
    private final class KeyFilter extends DocumentFilter {
        @Override
        public void insertString(FilterBypass fb, int offset, String text, AttributeSet attr)
                throws BadLocationException {
            replace(fb, offset, 0, text, attr);
        }

        @Override
        public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
                throws BadLocationException {
            String clean = text == null ? "" : text.replaceAll("[^A-Za-z0-9]", "");
            int room = KEY_LENGTH - (fb.getDocument().getLength() - length);
            if (clean.length() != (text == null ? 0 : text.length())) {
                keyState.setText(msg("import.keyChars"));
                Ui.style(keyState, "bad");
            }
            fb.replace(offset, length, clean.substring(0, Math.max(0, Math.min(room, clean.length()))), attrs);
        }
    }
}
