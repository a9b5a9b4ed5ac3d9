package org.resetdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The system clock plus an offset the training panel can move ("clock jump"); real stations never shift it. */
final class ShiftableClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    ShiftableClock(Clock base) {
        this.base = base;
    }

    void shift(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
