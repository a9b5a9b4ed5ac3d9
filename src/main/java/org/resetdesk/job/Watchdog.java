package org.resetdesk.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The guard watchdog: about once a second it polls every armed job's recorder on the dedicated port, listens for
 * Hello announcements, checks the port itself and the deadlines, and feeds what it sees to {@link JobService#observe}.
 * It only ever sends inquiries.
 */
public final class Watchdog implements AutoCloseable {
    private final JobService jobs;
    private final RecorderLink link;
    private final Clock clock;
    private final ScheduledExecutorService exec;
    private final Duration period;
    private final Duration pollTimeout;
    private final Map<String, Instant> lastAnswer = new ConcurrentHashMap<>();
    private final Map<String, DeadlineStage> warned = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> task;

    public Watchdog(JobService jobs, RecorderLink link, Clock clock, ScheduledExecutorService exec, Duration period) {
        this.jobs = jobs;
        this.link = link;
        this.clock = clock;
        this.exec = exec;
        this.period = period;
        this.pollTimeout = period.multipliedBy(8).dividedBy(10);
    }

    /** Marks armed jobs unconfirmed (the kiosk just started), subscribes to announcements and starts ticking. */
    public Watchdog start() {
        jobs.markUnconfirmedAfterRestart();
        link.onAnnouncement(this::onHello);
        task = exec.scheduleWithFixedDelay(this::safeTick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            System.getLogger("watchdog").log(System.Logger.Level.WARNING, "watchdog tick failed: " + e);
        }
    }

    /** One round over all armed jobs. Public so {@code job watch --once} and tests can drive it. */
    public void tick() {
        for (Job job : jobs.openJobs().join()) {
            if (job.device() == null || job.device().mac() == null) {
                continue;
            }
            if (!job.state().isArmed() || job.attempt() == null || !job.attempt().isArmed()) {
                lastAnswer.remove(job.id());
                continue;
            }
            checkOne(job);
        }
    }

    private void checkOne(Job job) {
        Instant now = clock.instant();
        Baseline base = job.attempt().baseline();
        RecorderLink.PortIdentity port = link.port();
        if (base != null && (!Objects.equals(base.portName(), port.name())
                || !Objects.equals(base.portAddress(), port.address()))) {
            jobs.observe(job.id(), Observation.of(now, Observation.Kind.PORT_CHANGED, "kiosk port "
                    + base.portName() + " " + base.portAddress() + " → " + port.name() + " " + port.address()));
            return;
        }
        warnDeadline(job, now);
        Optional<DeviceInfo> answer = link.poll(job.device().mac(), pollTimeout);
        Instant at = clock.instant();
        if (answer.isPresent()) {
            lastAnswer.put(job.id(), at);
            jobs.observe(job.id(), Observation.answered(at, answer.get()));
            return;
        }
        Instant since = lastAnswer.computeIfAbsent(job.id(), k -> at);
        Duration silent = Duration.between(since, at);
        if (silent.compareTo(Guards.SILENCE_ALARM) > 0 || Guards.deadlineStage(job, at) == DeadlineStage.EXPIRED) {
            jobs.observe(job.id(), Observation.of(at, Observation.Kind.SILENT,
                    "no answer for " + silent.toSeconds() + " s — check power and cable"));
        }
    }

    private void warnDeadline(Job job, Instant now) {
        DeadlineStage stage = Guards.deadlineStage(job, now);
        String key = job.id() + "#" + job.attempt().number();
        if ((stage == DeadlineStage.UNDER_6H || stage == DeadlineStage.UNDER_1H) && warned.get(key) != stage) {
            warned.put(key, stage);
            jobs.note(job.id(), "deadline." + stage, "the request expires at " + job.attempt().deadline()).join();
        }
    }

    private void onHello(DeviceInfo d) {
        if (d.mac() == null) {
            return;
        }
        for (Job job : jobs.openJobs().join()) {
            if (job.device() != null && job.device().mac() != null
                    && Macs.normalise(job.device().mac()).equals(Macs.normalise(d.mac()))) {
                jobs.observe(job.id(), new Observation(clock.instant(), Observation.Kind.HELLO, d,
                        "the recorder announced itself (boot " + d.bootTime() + ")"));
            }
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }
}
