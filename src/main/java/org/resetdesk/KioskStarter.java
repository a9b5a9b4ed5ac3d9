package org.resetdesk;

/** Starts the kiosk UI (filled in when the UI lands). */
final class KioskStarter {
    private KioskStarter() {}

    static Integer start() {
        System.err.println("the kiosk UI is not available in this build");
        return 1;
    }
}
