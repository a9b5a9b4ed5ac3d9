package org.resetdesk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.resetdesk.job.Refusal;

/** Every string the kiosk shows comes from {@code org/resetdesk/ui/Messages*.properties} (UTF-8) through here. */
public final class Messages {
    public static final String BUNDLE = "org.resetdesk.ui.Messages";
    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private Messages() {}

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Switches the language (the kiosk rebuilds its screens afterwards). */
    public static void use(Locale locale) {
        bundle = load(locale);
    }

    public static Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    public static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), locale()).format(args);
    }

    /** A domain refusal in the kiosk's language; the domain's English text when the key is not translated. */
    public static String refusal(Refusal r) {
        if (r.key() != null && has(r.key())) {
            return format(r.key(), r.args().toArray());
        }
        return r.text();
    }
}
