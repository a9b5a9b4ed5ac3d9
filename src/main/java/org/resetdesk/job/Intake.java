package org.resetdesk.job;

import java.time.Instant;
import java.util.List;

/**
 * What the counter records before anything is sent to the recorder. For an ID document only its type and last four
 * characters are kept. Photos are file references in the data directory.
 */
public record Intake(
        String staffId,
        String customerName,
        String customerContact,
        OwnershipKind ownershipKind,
        String ownershipRef,
        String idDocumentType,
        String idDocumentLast4,
        String consentVersion,
        Instant consentAcceptedAt,
        boolean notifyConsent,
        String labelSerial,
        List<String> photos) {

    public enum OwnershipKind { RECEIPT, INVOICE, INSTALLER_LETTER, OTHER }

    public Intake {
        photos = photos == null ? List.of() : List.copyOf(photos);
        if (idDocumentLast4 != null && idDocumentLast4.length() > 4) {
            throw new IllegalArgumentException("only the last four characters of an ID document are kept");
        }
    }

    public boolean hasOwnershipEvidence() {
        return ownershipKind != null && ownershipRef != null && !ownershipRef.isBlank();
    }

    public boolean hasConsent() {
        return consentVersion != null && consentAcceptedAt != null;
    }

    /** The same intake with personal data removed (retention purge); the statistics stay. */
    /** The same intake naming these photo files (paths relative to the data directory). */
    public Intake withPhotos(List<String> files) {
        return new Intake(staffId, customerName, customerContact, ownershipKind, ownershipRef, idDocumentType,
                idDocumentLast4, consentVersion, consentAcceptedAt, notifyConsent, labelSerial, files);
    }

    public Intake anonymised() {
        return new Intake(staffId, null, null, ownershipKind, null, idDocumentType, null, consentVersion,
                consentAcceptedAt, false, labelSerial, List.of());
    }
}
