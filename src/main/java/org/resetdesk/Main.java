package org.resetdesk;

import org.resetdesk.cli.Commands;

/**
 * Composition root: parses the command line; the kiosk or a headless command runs from there. The kiosk starter
 * blocks until the kiosk is left, so every path ends here with its exit code.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Commands.run(args));
    }
}
