package org.resetdesk.job;

import java.util.List;

/** Told about every saved change of a job, on whatever thread made it. UI listeners hop to the EDT themselves. */
@FunctionalInterface
public interface JobListener {
    void jobChanged(Job job, List<JobEvent> events);
}
