package org.resetdesk.job;

/** Where an armed attempt stands against its validity window. */
public enum DeadlineStage {
    NONE, PLENTY, UNDER_6H, UNDER_1H, EXPIRED
}
