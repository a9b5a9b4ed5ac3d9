package org.resetdesk.ui.screen;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Intake.OwnershipKind;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * Step 1: who the customer is, their proof of ownership, the serial on the device label, and the consent text the
 * customer reads and accepts. Only the type and last four characters of an ID document are kept.
 */
public final class CustomerScreen extends ScreenBase {
    /** Bumped whenever the consent text changes; stored with the job together with the language. */
    public static final String CONSENT_VERSION = "consent-1";
    private final JTextField name = field("customer.name");
    private final JTextField contact = field("customer.contact");
    private final JTextField serial = field("customer.serial");
    private final JTextField ownershipRef = field("customer.ownershipRef");
    private final JComboBox<String> idType = new JComboBox<>();
    private final JTextField idLast4 = field("customer.idLast4");
    private final Map<OwnershipKind, JToggleButton> kinds = new EnumMap<>(OwnershipKind.class);
    private final JCheckBox consent = new JCheckBox(Messages.get("customer.consentAccept"));
    private final JCheckBox notify = new JCheckBox(Messages.get("customer.notify"));
    private final JLabel problem = new JLabel(" ");
    private final JButton next;
    private final LabelPhotoPicker photo;

    public CustomerScreen(Session session) {
        super(session, "customer", "customer.title");
        lead(msg("customer.lead"));
        photo = new LabelPhotoPicker(session);
        body.setLayout(new MigLayout("fill, insets 0, gap 28", "[52%, fill][48%, fill]", "[grow, fill]"));
        JPanel form = new JPanel(new MigLayout("insets 0, wrap 2, gap 10 8", "[right][grow, fill]", "[]"));
        form.setOpaque(false);
        row(form, "customer.nameLabel", name);
        row(form, "customer.contactLabel", contact);
        row(form, "customer.serialLabel", serial);
        ((javax.swing.text.AbstractDocument) serial.getDocument()).setDocumentFilter(new Upper());
        ButtonGroup g = new ButtonGroup();
        JPanel kindRow = new JPanel(new MigLayout("insets 0, gap 6, wrap 2", "[grow, fill, sg k][grow, fill, sg k]",
                "[48!]"));
        kindRow.setOpaque(false);
        for (OwnershipKind k : OwnershipKind.values()) {
            JToggleButton b = Ui.named(new JToggleButton(msg("ownership." + k)), "customer.kind." + k);
            Ui.style(b, "choice");
            g.add(b);
            kinds.put(k, b);
            kindRow.add(b, "h 48!");
        }
        form.add(Ui.label("customer.kindLabel", null), "aligny top, gaptop 14");
        form.add(kindRow);
        row(form, "customer.refLabel", ownershipRef);
        idType.setName("customer.idType");
        for (String t : List.of("none", "passport", "idCard", "driving")) {
            idType.addItem(msg("customer.id." + t));
        }
        JPanel idRow = new JPanel(new MigLayout("insets 0, gap 8", "[grow, fill][]", "[48!]"));
        idRow.setOpaque(false);
        idRow.add(idType, "h 48!");
        idRow.add(idLast4, "h 48!, w 130!");
        idLast4.putClientProperty("JTextField.placeholderText", msg("customer.last4"));
        form.add(Ui.label("customer.idLabel", null));
        form.add(idRow);
        body.add(form, "aligny top, wmin 0");
        JPanel right = new JPanel(new MigLayout("fill, insets 16, wrap 1, gap 8", "[grow, fill]", "[][grow, fill][][]"));
        Ui.style(right, "card");
        right.add(Ui.label("customer.consentTitle", "h3"));
        JTextArea text = new JTextArea(msg("customer.consentText"));
        text.setName("customer.consentText");
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setEditable(false);
        text.setFocusable(true);
        text.setBackground(org.resetdesk.ui.Theme.color("card"));
        text.setBorder(javax.swing.BorderFactory.createEmptyBorder(4, 4, 4, 4));
        Ui.style(text, "lead");
        JScrollPane sp = new JScrollPane(text);
        sp.setBorder(null);
        right.add(sp, "h 120:200:");
        consent.setName("customer.consent");
        notify.setName("customer.notify");
        right.add(consent, "h 48!");
        right.add(notify, "h 48!");
        right.add(Ui.label("customer.photo.title", "h3"), "gaptop 10");
        right.add(photo);
        body.add(right, "wmin 0");
        problem.setName("customer.problem");
        Ui.style(problem, "bad");
        footer.add(problem, "cell 1 0, wmin 0");
        back("customer.back", () -> session.show("board"));
        next = action("customer.next", "customer.next", true, this::onNext);
    }

    private static JTextField field(String name) {
        JTextField f = new JTextField();
        f.setName(name);
        Ui.style(f, "big");
        return f;
    }

    private static void row(JPanel form, String labelKey, JComponent field) {
        form.add(Ui.label(labelKey, null));
        form.add(field, "h 48!");
    }

    @Override
    public void onShow() {
        for (JTextField f : List.of(name, contact, serial, ownershipRef, idLast4)) {
            f.setText("");
        }
        kinds.values().forEach(b -> b.getModel().setSelected(false));
        kinds.get(OwnershipKind.RECEIPT).getModel().getGroup().clearSelection();
        idType.setSelectedIndex(0);
        consent.setSelected(false);
        notify.setSelected(false);
        photo.clear();
        problem.setText(" ");
        next.setEnabled(true);
    }

    @Override
    public JComponent firstFocus() {
        return name;
    }

    private void onNext() {
        Ui.assertEdt();
        OwnershipKind kind = kinds.entrySet().stream().filter(e -> e.getValue().isSelected())
                .map(Map.Entry::getKey).findFirst().orElse(null);
        String missing = name.getText().isBlank() ? msg("customer.missing.name")
                : serial.getText().isBlank() ? msg("customer.missing.serial")
                : kind == null || ownershipRef.getText().isBlank() ? msg("customer.missing.ownership")
                : !consent.isSelected() ? msg("customer.missing.consent")
                : idType.getSelectedIndex() > 0 && idLast4.getText().trim().length() > 4 ? msg("customer.missing.last4")
                : null;
        if (missing != null) {
            problem.setText(missing);
            return;
        }
        String[] idTypes = {null, "passport", "idCard", "driving"};
        String last4 = idType.getSelectedIndex() == 0 ? null : idLast4.getText().trim();
        Intake intake = new Intake(session.staff().id(), name.getText().trim(), contact.getText().trim(), kind,
                ownershipRef.getText().trim(), idTypes[idType.getSelectedIndex()], last4,
                CONSENT_VERSION + "/" + Messages.locale().getLanguage(), session.ctx().clock().instant(),
                notify.isSelected(), serial.getText().trim(), List.of());
        next.setEnabled(false);
        session.jobs().open(intake, photo.photos()).whenCompleteAsync((job, err) -> {
            next.setEnabled(true);
            if (err != null) {
                problem.setText(Ui.describe(err));
                return;
            }
            session.job(job);
            session.show("connect");
        }, Ui.EDT);
    }

    /** Serials are printed in capitals: show them as the label does, whatever the keyboard's shift state. */
    private static final class Upper extends javax.swing.text.DocumentFilter {
        @Override
        public void insertString(FilterBypass fb, int offset, String text, javax.swing.text.AttributeSet a)
                throws javax.swing.text.BadLocationException {
            fb.insertString(offset, text == null ? null : text.toUpperCase(java.util.Locale.ROOT), a);
        }

        @Override
        public void replace(FilterBypass fb, int offset, int length, String text, javax.swing.text.AttributeSet a)
                throws javax.swing.text.BadLocationException {
            fb.replace(offset, length, text == null ? null : text.toUpperCase(java.util.Locale.ROOT), a);
        }
    }
}
