package org.resetdesk.job;

import java.util.List;
import java.util.Optional;

/**
 * Everything vendor support needs for one job's reset request, ready to hand over: the request file exactly as the
 * recorder exported it, its QR code, the filled request form and, when there is one, the label photo.
 * {@code subject} carries the job id so a reply can be matched to the job.
 */
public record SupportPacket(String jobId, String serial, String subject, String body, List<Part> parts) {

    public SupportPacket {
        parts = List.copyOf(parts);
    }

    /** One file of the packet. {@code mediaType} is a MIME type such as {@code application/xml}. */
    public record Part(Kind kind, String fileName, String mediaType, byte[] bytes) {
        public Part {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    public enum Kind { REQUEST, QR_CODE, FORM, LABEL_PHOTO }

    public Optional<Part> part(Kind kind) {
        return parts.stream().filter(p -> p.kind() == kind).findFirst();
    }
}
