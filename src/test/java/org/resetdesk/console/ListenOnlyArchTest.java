package org.resetdesk.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fazecast.jSerialComm.SerialPort;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Listen-only, structurally: no production class anywhere calls a jSerialComm method that sends bytes or a break.
 * (The pty test proves it at run time; this proves it for every path, including ones no test reaches.)
 */
class ListenOnlyArchTest {
    private static final ArchRule NO_SERIAL_WRITES = noClasses()
            .should().callMethod(SerialPort.class, "writeBytes", byte[].class, int.class)
            .orShould().callMethod(SerialPort.class, "writeBytes", byte[].class, int.class, int.class)
            .orShould().callMethod(SerialPort.class, "getOutputStream")
            .orShould().callMethod(SerialPort.class, "setBreak")
            .because("the console is listen-only: typing into a recorder's bootloader can brick it");

    private static JavaClasses classesAt(Class<?> anchor) throws URISyntaxException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false); // names are enough; scanning every jar is slow
        try {
            return new ClassFileImporter().importPath(root);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void noProductionClassWritesToASerialPort() throws Exception {
        NO_SERIAL_WRITES.check(classesAt(SerialConsole.class));
    }

    @Test
    void theRuleDoesCatchAWriter() throws Exception {
        // the test peer playing the recorder writes with writeBytes: the rule must flag it
        assertThatThrownBy(() -> NO_SERIAL_WRITES.check(classesAt(SerialConsoleTest.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("writeBytes");
    }
}
