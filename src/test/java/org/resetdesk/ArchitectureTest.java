package org.resetdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inwards: the domain knows no UI, socket, serial, SQL or XML code. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.resetdesk");

    @Test
    void domainDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("org.resetdesk.job..").should().dependOnClassesThat()
                .resideInAnyPackage("javax.swing..", "java.awt..", "java.sql..", "java.net..", "com.fazecast..",
                        "com.fasterxml..", "org.resetdesk.ui..", "org.resetdesk.sadp..", "org.resetdesk.store..",
                        "org.resetdesk.isapi..", "org.resetdesk.console..", "org.resetdesk.support..",
                        "org.resetdesk.recorder..", "org.resetdesk.cli..", "org.h2..")
                .check(classes);
    }

    @Test
    void adaptersDoNotReachIntoTheUi() {
        noClasses().that().resideInAnyPackage("org.resetdesk.sadp..", "org.resetdesk.store..",
                        "org.resetdesk.isapi..", "org.resetdesk.console..", "org.resetdesk.support..",
                        "org.resetdesk.job..")
                .should().dependOnClassesThat().resideInAnyPackage("org.resetdesk.ui..", "org.resetdesk.cli..")
                .check(classes);
    }
}
