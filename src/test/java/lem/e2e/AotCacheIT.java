package lem.e2e;

import static lem.e2e.LemProcess.lem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher's start-up cache for scripts: a jar built without the launcher (as Maven builds it
 * here) gets one from the training run in the background, while the run that found none goes on
 * at once and prints nothing of it; later runs start from it.
 */
class AotCacheIT {
    private static final long TRAINING_LIMIT_MS = 120_000;

    @Test
    void aJarWithoutACacheGetsOneTrainedInTheBackground() throws Exception {
        Path target = LemProcess.root().resolve("target");
        waitWhileTraining(target);
        for (Path cache : scriptCaches(target, ".aot")) {
            Files.delete(cache);
        }

        var first = lem("-e", "print('no cache yet')").run();
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals("no cache yet\n", first.stdout(), first::toString);
        assertEquals("", first.stderr(), first::toString);

        waitWhileTraining(target);
        assertTrue(scriptCaches(target, ".untrained").isEmpty(), "the training run failed");
        assertEquals(1, scriptCaches(target, ".aot").size(), "no cache after the training run");

        // the JVM says where its classes come from when its aot log is on
        var later = lem("-e", "print('with cache')").env("LEM_JAVA_OPTS", "-Xlog:aot=info").run();
        assertEquals(0, later.exitCode(), later::toString);
        assertTrue(later.stdout().contains("Opened AOT cache"), later::toString);
        assertTrue(later.stdout().endsWith("with cache\n"), later::toString);
    }

    /** Waits (bounded) until no training or creation of a scripts' cache is in progress. */
    private static void waitWhileTraining(Path target) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + TRAINING_LIMIT_MS;
        while (!scriptCaches(target, ".creating").isEmpty()) {
            assertFalse(System.currentTimeMillis() > end, "a training run took over two minutes");
            Thread.sleep(200);
        }
    }

    /** target/lem-JDK.SUFFIX: the scripts' cache files (the shell's are lem-shell-JDK.*). */
    private static List<Path> scriptCaches(Path target, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("lem-") && !name.startsWith("lem-shell-") && name.endsWith(suffix)
                        && name.substring(4, name.length() - suffix.length()).chars().allMatch(Character::isDigit);
            }).toList();
        }
    }
}
