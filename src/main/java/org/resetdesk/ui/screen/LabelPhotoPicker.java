package org.resetdesk.ui.screen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.IntakePhoto;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * The label photo at intake: support asks for a clear photo of the recorder's label. Staff photograph it, put the
 * stick in, and press the button: the newest picture on the stick is taken; pressing again steps to the next newest,
 * and "remove" drops it. Files are found and read off the event thread.
 */
final class LabelPhotoPicker extends JPanel {
    private final Session session;
    private final JButton pick;
    private final JButton remove;
    private final JLabel shown = new JLabel(" ");
    private List<Path> candidates = List.of();
    private int index = -1;
    private IntakePhoto photo;

    LabelPhotoPicker(Session session) {
        super(new MigLayout("insets 0, gap 8, wrap 2", "[grow, fill][]", "[48!][]"));
        this.session = session;
        setOpaque(false);
        pick = Ui.named(new JButton(Messages.get("customer.photo.pick")), "customer.photo.pick");
        remove = Ui.named(new JButton(Messages.get("customer.photo.remove")), "customer.photo.remove");
        shown.setName("customer.photo.shown");
        Ui.style(shown, "muted");
        pick.addActionListener(e -> next());
        remove.addActionListener(e -> clear());
        add(pick, "h 48!");
        add(remove, "h 48!");
        add(shown, "span 2, wmin 0");
        clear();
    }

    /** The chosen photo (named label.jpg/png), or an empty list. */
    List<IntakePhoto> photos() {
        return photo == null ? List.of() : List.of(photo);
    }

    void clear() {
        Ui.assertEdt();
        photo = null;
        candidates = List.of();
        index = -1;
        remove.setEnabled(false);
        pick.setText(Messages.get("customer.photo.pick"));
        shown.setText(Messages.get("customer.photo.none"));
    }

    private void next() {
        Ui.assertEdt();
        pick.setEnabled(false);
        List<Path> roots = session.settings().replyRoots();
        int wanted = index + 1;
        List<Path> known = candidates;
        CompletableFuture.supplyAsync(() -> {
            List<Path> list = wanted == 0 || known.isEmpty() ? pictures(roots) : known;
            if (list.isEmpty()) {
                return new Found(list, -1, null);
            }
            int i = wanted % list.size();
            Path p = list.get(i);
            String ext = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? ".png" : ".jpg";
            try {
                if (Files.size(p) > IntakePhoto.MAX_BYTES) {
                    return new Found(list, i, null);
                }
                return new Found(list, i, new IntakePhoto("label" + ext, Files.readAllBytes(p)));
            } catch (IOException e) {
                return new Found(list, i, null);
            }
        }, session.ctx().io()).whenCompleteAsync((f, err) -> {
            pick.setEnabled(true);
            if (err != null || f.list().isEmpty()) {
                shown.setText(Messages.get("customer.photo.noneFound"));
                return;
            }
            candidates = f.list();
            index = f.index();
            var problem = f.photo() == null ? null : f.photo().check().orElse(null);
            if (f.photo() == null || problem != null) {
                photo = null;
                remove.setEnabled(false);
                shown.setText(Ui.html(Messages.format("customer.photo.bad", f.list().get(f.index()).getFileName())));
                return;
            }
            photo = f.photo();
            remove.setEnabled(true);
            pick.setText(Messages.get(f.list().size() > 1 ? "customer.photo.another" : "customer.photo.pick"));
            shown.setText(Ui.html(Messages.format("customer.photo.chosen", f.list().get(f.index()).getFileName(),
                    (f.photo().bytes().length + 1023) / 1024)));
        }, Ui.EDT);
    }

    private record Found(List<Path> list, int index, IntakePhoto photo) {}

    /** JPEG and PNG pictures on the sticks (two folder levels deep, as phones and cameras nest them), newest first. */
    static List<Path> pictures(List<Path> roots) {
        return NewestFiles.find(roots, 3, p -> p.getFileName().toString().matches("(?i)[^.].*\\.(jpe?g|png)"), 20);
    }
}
