package org.resetdesk.ui.screen;

import org.resetdesk.ui.WidthTrackingPanel;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.Job;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * Open jobs as cards (soonest deadline first), updated live from the engine's job events, plus a search of closed
 * jobs. Time left is recomputed every second from the kiosk clock.
 */
public final class BoardScreen extends ScreenBase {
    private final JPanel grid = new WidthTrackingPanel(
            new MigLayout("insets 4, wrap 3, gap 16", "[33%, fill][33%, fill][33%, fill]", "[top]"));
    private final Map<String, Job> open = new LinkedHashMap<>();
    private final Map<String, JobCard> cards = new LinkedHashMap<>();
    private final JTextField search = new JTextField(18);
    private final JLabel empty = new JLabel();
    private final Timer tick = new Timer(1000, e -> retime());
    private boolean searching;

    public BoardScreen(Session session) {
        super(session, "board", "board.title");
        body.setLayout(new MigLayout("fill, insets 0", "[grow, fill]", "[]12[grow, fill]"));
        grid.setOpaque(false);
        search.setName("board.search");
        Ui.style(search, "big");
        search.putClientProperty("JTextField.placeholderText", msg("board.searchHint"));
        search.putClientProperty("JTextField.leadingIcon", Icons.sized(Icons.SEARCH, 22));
        search.addActionListener(e -> onSearch());
        JButton find = Ui.button("board.find", "board.find", "kioskSecondary");
        find.addActionListener(e -> onSearch());
        JButton showOpen = Ui.button("board.showOpen", "board.showOpen", "kioskSecondary");
        showOpen.addActionListener(e -> onShow());
        JPanel searchRow = new JPanel(new MigLayout("insets 0, gap 12", "[grow, fill][][]", "[56!]"));
        searchRow.setOpaque(false);
        searchRow.add(search, "h 56!");
        searchRow.add(find, "h 56!");
        searchRow.add(showOpen, "h 56!");
        body.add(searchRow, "wrap");
        JScrollPane scroll = new JScrollPane(grid);
        scroll.setBorder(null);
        scroll.setOpaque(false);
        scroll.getViewport().setOpaque(false);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        body.add(scroll);
        empty.setName("board.empty");
        Ui.style(empty, "lead");
        JButton newJob = action("board.newJob", "board.newJob", true, session::startNewJob);
        newJob.setIcon(Icons.tinted(Icons.PLUS, 24, org.resetdesk.ui.Theme.color("onAccent")));
        newJob.setHorizontalTextPosition(JButton.RIGHT);
    }

    @Override
    public void onShow() {
        searching = false;
        search.setText("");
        session.clearJob();
        session.jobs().openJobs().whenCompleteAsync((jobs, err) -> {
            if (err != null) {
                lead(Ui.describe(err));
                return;
            }
            open.clear();
            jobs.forEach(j -> open.put(j.id(), j));
            render(List.copyOf(open.values()));
        }, Ui.EDT);
        tick.start();
    }

    @Override
    public void onHide() {
        tick.stop();
    }

    @Override
    public JComponent firstFocus() {
        return search;
    }

    @Override
    public void jobChanged(Job job) {
        Ui.assertEdt();
        if (searching) {
            return;
        }
        boolean known = open.containsKey(job.id());
        if (job.isOpen()) {
            open.put(job.id(), job);
        } else {
            open.remove(job.id());
        }
        JobCard card = cards.get(job.id());
        if (card != null && job.isOpen() && card.job().state() == job.state()) {
            card.update(job, now());
        } else if (known || job.isOpen()) {
            render(List.copyOf(open.values()));
        }
    }

    private void onSearch() {
        String text = search.getText().trim();
        searching = true;
        session.jobs().searchClosed(text).whenCompleteAsync((jobs, err) -> {
            if (err != null) {
                lead(Ui.describe(err));
                return;
            }
            lead(fmt("board.found", jobs.size(), text));
            fill(jobs, msg("board.noneFound"));
        }, Ui.EDT);
    }

    private void render(List<Job> jobs) {
        Ui.assertEdt();
        List<Job> sorted = jobs.stream().sorted(Comparator.comparing((Job j) -> j.deadline() == null
                ? Instant.MAX : j.deadline()).thenComparing(Job::createdAt)).toList();
        lead(fmt("board.openCount", sorted.size()));
        fill(sorted, msg("board.noJobs"));
    }

    private void fill(List<Job> jobs, String emptyText) {
        grid.removeAll();
        cards.clear();
        Instant now = now();
        for (Job j : jobs) {
            JobCard c = new JobCard(j, now);
            c.addActionListener(e -> session.openJob(c.job()));
            cards.put(j.id(), c);
            grid.add(c, "h 190!");
        }
        if (jobs.isEmpty()) {
            empty.setText(emptyText);
            grid.add(empty, "span 3");
        }
        grid.revalidate();
        grid.repaint();
    }

    private void retime() {
        Instant now = now();
        for (JobCard c : cards.values()) {
            c.update(c.job(), now);
        }
    }

    private Instant now() {
        return session.ctx().clock().instant();
    }
}
