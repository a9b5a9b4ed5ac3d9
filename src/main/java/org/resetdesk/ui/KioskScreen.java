package org.resetdesk.ui;

import javax.swing.JComponent;
import org.resetdesk.job.Job;

/** One full screen of the kiosk, shown by {@link KioskFrame} in its card layout. All methods run on the EDT. */
public interface KioskScreen {

    /** The card name, also the screen's component name for tests ({@code board}, {@code waiting}, ...). */
    String id();

    JComponent view();

    /** Called each time the screen becomes visible: reload what it shows. */
    default void onShow() {}

    /** Called when the screen is left: wipe anything sensitive it holds. */
    default void onHide() {}

    /** The engine saved a change of this job (already on the EDT). */
    default void jobChanged(Job job) {}

    /** The component that gets the keyboard focus when the screen is shown. */
    default JComponent firstFocus() {
        return null;
    }
}
