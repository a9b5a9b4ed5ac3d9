package org.resetdesk.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resetdesk.job.Job;

/**
 * The vendor's password-reset request form (recorder-console-and-isapi.md Part C): who asks, where the recorder
 * was bought, and what SADP shows. Every field except the address is required; {@link #missing()} names the gaps,
 * because an incomplete request costs the customer a day.
 */
public record RequestForm(
        String name,
        String email,
        String phone,
        String company,
        String address,
        String country,
        String role,
        String whereBought,
        String purchaseChannel,
        String model,
        String firmware,
        String fullSerial,
        String deviceDate,
        String sadpStartTime) {

    /** Where and how the customer bought the recorder: asked at the counter, not stored in the intake. */
    public record Purchase(String whereBought, String channel) {}

    /** Fills the form from the settings (the shop asks), the job (the recorder) and what staff entered. */
    public static RequestForm of(SupportSettings s, Job job, Purchase purchase, String deviceDate) {
        var d = job.device();
        var r = s.requester();
        return new RequestForm(r.name(), r.email(), r.phone(), s.shopName(), s.shopAddress(), s.shopCountry(),
                r.role(), purchase == null ? null : purchase.whereBought(),
                purchase == null ? null : purchase.channel(),
                d == null ? null : d.model(), d == null ? null : d.firmware(), d == null ? null : d.serial(),
                deviceDate, d == null ? null : d.bootTime());
    }

    /** Label → value, in the order of the vendor's form. */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Name", name);
        f.put("E-mail", email);
        f.put("Phone", phone);
        f.put("Company", company);
        f.put("Address", address);
        f.put("Country", country);
        f.put("Role", role);
        f.put("Where the product was bought", whereBought);
        f.put("Purchasing channel", purchaseChannel);
        f.put("Model", model);
        f.put("Firmware version", firmware);
        f.put("Complete device serial number", fullSerial);
        f.put("Current date on device", deviceDate);
        f.put("Device start time on SADP", sadpStartTime);
        return f;
    }

    /** Labels of the required fields that are empty. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        fields().forEach((label, value) -> {
            boolean optional = label.equals("Address") || label.equals("Model");
            if (!optional && (value == null || value.isBlank())) {
                out.add(label);
            }
        });
        return out;
    }
}
