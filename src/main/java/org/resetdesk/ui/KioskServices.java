package org.resetdesk.ui;

import org.resetdesk.console.ConsoleBuffer;

/**
 * The kiosk's optional services, each null when not wired: aftercare over ISAPI, support hand-off and receipts,
 * the recorder's live console, and the training sign-in PINs shown on a training station.
 */
public record KioskServices(AftercareService aftercare, PaperworkService paperwork, ConsoleBuffer console,
                            String trainingStaffPin, String trainingManagerPin) {
    public static KioskServices none() {
        return new KioskServices(null, null, null, null, null);
    }
}
