package org.resetdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Artifacts;

class FileArtifactsTest {
    @TempDir
    Path dir;

    @Test
    void storesUnderTheJobFolderWithItsSha256AndReadsItBack() throws Exception {
        FileArtifacts files = new FileArtifacts(dir);
        byte[] bytes = "<ResetRequest>abc</ResetRequest>".getBytes(StandardCharsets.UTF_8);
        Artifacts.Stored s = files.store("RD-000001", "attempt-1-request.xml", bytes);

        assertThat(s.path()).isEqualTo(dir.resolve("jobs/RD-000001/attempt-1-request.xml"));
        assertThat(s.size()).isEqualTo(bytes.length);
        assertThat(s.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(files.read(s.path())).isEqualTo(bytes);
        assertThat(files.read(Path.of("jobs/RD-000001/attempt-1-request.xml"))).isEqualTo(bytes);
        try (Stream<Path> left = Files.list(s.path().getParent())) {
            assertThat(left).containsExactly(s.path());
        }
        assertThat(files.store("RD-000001", "attempt-1-request.xml", bytes)).isEqualTo(s);
    }

    @Test
    void neverOverwritesEvidenceAndRefusesPathsOutsideTheDataDir() {
        FileArtifacts files = new FileArtifacts(dir);
        files.store("RD-000001", "reply.bin", new byte[] {1, 2});
        assertThatThrownBy(() -> files.store("RD-000001", "reply.bin", new byte[] {3}))
                .isInstanceOf(StoreException.class).hasMessageContaining("refused to overwrite");
        assertThat(files.read(dir.resolve("jobs/RD-000001/reply.bin"))).containsExactly(1, 2);
        assertThatThrownBy(() -> files.store("RD-000001", "../escape", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.store("../x", "a", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.store("RD-1", ".hidden", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.read(Path.of("/etc/passwd")))
                .isInstanceOf(StoreException.class).hasMessageContaining("outside the data directory");
        assertThatThrownBy(() -> files.delete("jobs/../../outside")).isInstanceOf(StoreException.class);
    }
}
