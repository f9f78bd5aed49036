package lem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every Lua script under src/test/lua (but lib/ and conformance/) as its own test, in this
 * JVM on a loop of its own. A script passes when it exits with the status its first line names
 * ({@code -- exit: N}, default 0) and, where {@code name.expected} exists, prints exactly that.
 * Scripts find the helpers of src/test/lua/lib with {@code require}.
 */
class LuaScriptsTest {
    static final Path ROOT = Path.of("src/test/lua");
    private static final Pattern EXIT = Pattern.compile("^-- exit: (\\d+)");

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(ROOT)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua"))
                    .filter(p -> !p.startsWith(ROOT.resolve("lib")) && !p.startsWith(ROOT.resolve("conformance")))
                    .sorted().toList();
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(ROOT.relativize(script).toString(),
                script.toUri(), () -> run(script)));
    }

    private static void run(Path script) throws Exception {
        String source = Files.readString(script);
        Matcher m = EXIT.matcher(source);
        int expectedStatus = m.find() ? Integer.parseInt(m.group(1)) : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] status = new int[1];
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            status[0] = Main.run("lem", new String[] {"-e", "package.path = 'src/test/lua/lib/?.lua;' .. package.path",
                    script.toString()}, new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        });
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status[0], () -> "exit status of " + script + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
        Path expected = Path.of(script.toString().replaceAll("\\.lua$", ".expected"));
        if (Files.exists(expected)) {
            assertEquals(Files.readString(expected), stdout, () -> "stdout of " + script + "\nstderr:\n" + stderr);
        }
    }
}
