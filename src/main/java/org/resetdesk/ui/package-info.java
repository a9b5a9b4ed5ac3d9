/**
 * The kiosk's Swing UI: {@link org.resetdesk.ui.KioskApp} starts it over a {@link org.resetdesk.ui.KioskContext}
 * (job use cases, staff directory, clock, I/O executor, training controls, settings, and the optional
 * {@link org.resetdesk.ui.KioskServices}: aftercare over ISAPI, support hand-off and receipts, the live console). One full-screen
 * {@link org.resetdesk.ui.KioskFrame} shows the screens of {@code ui.screen} in a card layout; overlays (PIN prompt,
 * idle warning, confirmations) go to its glass pane.
 *
 * <p>Threading: every Swing object is touched on the event thread only. Use cases return futures that complete on
 * the I/O executor; screens come back with {@code whenCompleteAsync(handler, Ui.EDT)}. Job changes arrive through a
 * {@link org.resetdesk.job.JobListener} on any thread and hop to the EDT in the frame. {@link org.resetdesk.ui.EdtCheck}
 * records violations (tests fail on any; {@code -Dresetdesk.edtCheck=true} logs them).
 *
 * <p>Strings come from {@code Messages*.properties} (English and German), icons from {@code icons/*.svg}, styles from
 * {@code theme/*.properties}.
 */
package org.resetdesk.ui;
