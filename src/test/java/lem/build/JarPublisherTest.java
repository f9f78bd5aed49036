package lem.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new jar takes the old one's place without changing what a running lem has open. */
class JarPublisherTest {
    @TempDir
    Path dir;

    @Test
    void aReaderOfThePreviousJarKeepsReadingIt() throws IOException {
        Path jar = dir.resolve("lem.jar");
        Path made = dir.resolve("lem.jar.new");
        Files.writeString(jar, "previous build");
        try (FileChannel running = FileChannel.open(jar)) {
            Files.writeString(made, "next build, longer");
            JarPublisher.publish(made, jar);
            ByteBuffer seen = ByteBuffer.allocate(64);
            running.read(seen, 0);
            assertEquals("previous build", new String(seen.array(), 0, seen.position(), StandardCharsets.UTF_8));
        }
        assertEquals("next build, longer", Files.readString(jar));
        assertEquals(false, Files.exists(made));
    }
}
