package org.resetdesk.sadp;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Optional;
import org.resetdesk.job.DeviceOutcome;

/**
 * The result of one {@code exchangecode} (sadp-protocol.md §6.1): the device's random, decrypted with a fresh RSA-1024
 * private key, or why there is none. {@code random} is null unless {@code outcome} is a success; it is a secret, used
 * for one command and dropped.
 */
public record SadpExchange(DeviceOutcome outcome, String random) {

    static SadpExchange perform(SadpClient client, String mac) {
        KeyPair kp = SadpCrypto.newExchangeKeyPair();
        String pub = SadpCrypto.encodePublicKey(kp.getPublic());
        Optional<SadpDocument> reply = client.request(mac, "exchangecode",
                uuid -> SadpRequests.exchangeCode(uuid, mac, pub));
        if (reply.isEmpty()) {
            return new SadpExchange(SadpOutcomes.timeout(), null);
        }
        DeviceOutcome outcome = SadpOutcomes.of(reply.get());
        String code = reply.get().get("Code");
        if (!outcome.isSuccess()) {
            return new SadpExchange(outcome, null);
        }
        if (code == null || code.isEmpty()) {
            return failure("exchangecode without Code");
        }
        try {
            String random = SadpCrypto.rsaDecrypt(kp.getPrivate(), code);
            if (random.length() < 16) {
                return failure("exchange random shorter than 16 characters");
            }
            return new SadpExchange(outcome, random);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return failure("exchange random unreadable: " + e.getMessage());
        }
    }

    private static SadpExchange failure(String why) {
        return new SadpExchange(new DeviceOutcome(DeviceOutcome.Kind.OTHER, null, null, why), null);
    }

    @Override
    public String toString() {
        return "SadpExchange[" + outcome + ", random=" + (random == null ? "none" : "<redacted>") + "]";
    }
}
