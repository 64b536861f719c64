package org.parcours.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock (or a fixed instant) plus an offset a test can move forward (time passing without waiting). */
public final class MutableClock extends Clock {

    private final Instant start;
    private volatile Duration offset = Duration.ZERO;

    /** Follows the system clock. */
    public MutableClock() {
        this(null);
    }

    /** Stands still at {@code start} until advanced. */
    public MutableClock(Instant start) {
        this.start = start;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
