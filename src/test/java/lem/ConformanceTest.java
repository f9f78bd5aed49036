package lem;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential conformance suite: every case of src/test/lua/conformance/*.lua runs under the
 * reference interpreter ({@code lua5.2}) and under lem, and lem must print what lua5.2 prints.
 *
 * <p>A file holds many cases. {@code --- case: <name>} starts one; the lines up to the next
 * marker are a standalone Lua program. {@code --- differs: <reason>} right after the case line
 * marks a documented difference: such a case still runs under lem (it must end, within the time
 * bound, without breaking the JVM), but a mismatch is reported as skipped with the reason.
 *
 * <p>Compared: the exit status, the whole of stdout, and the first line of stderr (the error
 * message; lua5.2's "stack traceback:" section is not compared). Before comparing, the
 * program-name prefix ({@code lua5.2: } or {@code lem: }) is stripped from stderr, and the
 * temporary script's absolute path becomes {@code case.lua} (and its directory {@code .}) in both
 * outputs. Output is compared byte for byte (decoded as ISO-8859-1). lem runs in this JVM, whose
 * working directory is the project: a case that touches files must name them relative to its own
 * directory, {@code arg[0]:match("^(.*)/") or "."}, never relative to the working directory.
 *
 * <p>{@code -Dconformance.filter=TEXT} runs only the cases whose display name
 * ({@code file.lua: case name}) contains TEXT.
 */
class ConformanceTest {
    static final Path ROOT = Path.of("src/test/lua/conformance");
    /** The reference interpreter; {@code -Dconformance.oracle=/path/to/lua5.2} picks another binary. */
    static final String ORACLE = System.getProperty("conformance.oracle", "lua5.2");
    static final Duration ORACLE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration LEM_TIMEOUT = Duration.ofSeconds(20);
    private static final String CASE_MARK = "--- case:";
    private static final String DIFFERS_MARK = "--- differs:";

    /** One case: its file, name, first line in the file (1-based), program and documented difference. */
    record Case(Path file, String name, int line, String program, String differs) {
        String displayName() {
            return file.getFileName() + ": " + name;
        }
    }

    /** What one interpreter did with a case, normalised for comparison. */
    record Outcome(int status, String stdout, String stderr) {
        String firstErrorLine() {
            int nl = stderr.indexOf('\n');
            return nl < 0 ? stderr : stderr.substring(0, nl);
        }
    }

    /** Cases lem does not pass yet ("file.lua: case name" per line): skipped, and must be removed once they pass. */
    static final Path KNOWN_FAILURES = ROOT.resolve("known-failures.txt");

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        if (!oracleAvailable()) {
            // A skipped test rather than an aborted factory, so that Surefire shows the reason.
            String why = "conformance suite skipped: the reference interpreter '" + ORACLE + "' is not on PATH"
                    + " (install Debian's lua5.2 package, or pass -Dconformance.oracle=/path/to/lua5.2)";
            return Stream.of(DynamicTest.dynamicTest("conformance suite (needs " + ORACLE + ")",
                    () -> Assumptions.assumeTrue(false, why)));
        }
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".lua")).sorted(Comparator.naturalOrder()).toList()) {
                cases.addAll(parse(file));
            }
        }
        Set<String> known = Files.readAllLines(KNOWN_FAILURES).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(java.util.stream.Collectors.toSet());
        String filter = System.getProperty("conformance.filter", "");
        return cases.stream().filter(c -> c.displayName().contains(filter)).map(c -> DynamicTest.dynamicTest(c.displayName(),
                c.file().toUri().resolve("#L" + c.line()), () -> check(c, known.contains(c.displayName()))));
    }

    static boolean oracleAvailable() {
        try {
            Process p = new ProcessBuilder(ORACLE, "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Splits a conformance file into its cases; a program keeps the lines after its markers. */
    static List<Case> parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<Case> cases = new ArrayList<>();
        String name = null;
        String differs = null;
        int start = 0;
        StringBuilder program = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(CASE_MARK)) {
                if (name != null) {
                    cases.add(new Case(file, name, start, program.toString(), differs));
                }
                name = line.substring(CASE_MARK.length()).trim();
                differs = null;
                start = i + 1;
                program.setLength(0);
            } else if (line.startsWith(DIFFERS_MARK) && name != null && program.isEmpty()) {
                differs = line.substring(DIFFERS_MARK.length()).trim();
            } else if (name != null) {
                program.append(line).append('\n');
            }
        }
        if (name != null) {
            cases.add(new Case(file, name, start, program.toString(), differs));
        }
        return cases;
    }

    static void check(Case c, boolean knownFailure) throws Exception {
        Path dir = Files.createTempDirectory("lem-conformance");
        try {
            Path script = dir.resolve("case.lua").toAbsolutePath();
            Files.writeString(script, c.program(), StandardCharsets.ISO_8859_1);
            Outcome expected = runOracle(dir, script);
            Outcome actual = runLem(c, script);
            String mismatch = compare(expected, actual);
            if (mismatch == null) {
                if (knownFailure) {
                    fail(c.displayName() + " passes now: remove it from " + KNOWN_FAILURES);
                }
                return;
            }
            if (knownFailure) {
                Assumptions.abort("known failure, listed in " + KNOWN_FAILURES + ":\n" + mismatch);
            }
            if (c.differs() != null) {
                Assumptions.abort("documented difference (" + c.differs() + "):\n" + mismatch);
            }
            fail(c.displayName() + " (" + c.file() + ":" + c.line() + ")\n" + mismatch
                    + "\n--- program ---\n" + c.program());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Outcome runOracle(Path dir, Path script) throws IOException, InterruptedException {
        Path outFile = dir.resolve(".oracle.out");
        Path errFile = dir.resolve(".oracle.err");
        Process p = new ProcessBuilder(ORACLE, script.getFileName().toString()).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        if (!p.waitFor(ORACLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            Assertions.fail(ORACLE + " did not finish within " + ORACLE_TIMEOUT.toSeconds() + " s: fix the case");
        }
        String out = Files.readString(outFile, StandardCharsets.ISO_8859_1);
        String err = Files.readString(errFile, StandardCharsets.ISO_8859_1);
        return normalise(p.exitValue(), out, err, ORACLE, script);
    }

    static Outcome runLem(Case c, Path script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Set<Thread> before = loopThreads();
        int status = Assertions.assertTimeoutPreemptively(LEM_TIMEOUT, () -> {
            // The same encoding as lem's own main().
            PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            int s = Main.run("lem", new String[] {script.toString()}, new ByteArrayInputStream(new byte[0]), o, e);
            o.flush();
            e.flush();
            return s;
        }, () -> c.displayName() + " (" + c.file() + ":" + c.line() + "): lem did not finish within "
                + LEM_TIMEOUT.toSeconds() + " s\n--- stdout so far ---\n" + clip(out.toString(StandardCharsets.ISO_8859_1))
                + "--- where lem's loop thread is ---\n" + stacks(before) + "--- program ---\n" + c.program());
        return normalise(status, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1),
                "lem", script);
    }

    private static Set<Thread> loopThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("lem-loop")) {
                threads.add(t);
            }
        }
        return threads;
    }

    /** The top frames of the lem-loop threads started since {@code before} (a hung case keeps running). */
    private static String stacks(Set<Thread> before) {
        StringBuilder sb = new StringBuilder();
        for (Thread t : loopThreads()) {
            if (before.contains(t)) {
                continue;
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 25); i++) {
                sb.append("  at ").append(frames[i]).append('\n');
            }
            if (frames.length > 25) {
                sb.append("  ... ").append(frames.length - 25).append(" more\n");
            }
        }
        return sb.toString();
    }

    static Outcome normalise(int status, String stdout, String stderr, String progname, Path script) {
        // lua5.2 runs "case.lua" from its directory; lem is given the absolute path. Cases that
        // write files put them next to the script (arg[0]'s directory, "." under lua5.2).
        String path = script.toString();
        String dir = script.getParent().toString();
        stdout = stdout.replace(path, "case.lua").replace(dir, ".");
        stderr = stderr.replace(path, "case.lua").replace(dir, ".");
        String prefix = progname + ": ";
        if (stderr.startsWith(prefix)) {
            stderr = stderr.substring(prefix.length());
        }
        return new Outcome(status, stdout, stderr);
    }

    /** Null when the outcomes agree, else a description of the first difference. */
    static String compare(Outcome expected, Outcome actual) {
        StringBuilder sb = new StringBuilder();
        if (!expected.stdout().equals(actual.stdout())) {
            sb.append(firstDifference("stdout", expected.stdout(), actual.stdout()));
        }
        if (!expected.firstErrorLine().equals(actual.firstErrorLine())) {
            sb.append("stderr (first line) differs:\n  expected: ").append(show(expected.firstErrorLine()))
                    .append("\n  actual:   ").append(show(actual.firstErrorLine())).append('\n');
        }
        if (expected.status() != actual.status()) {
            sb.append("exit status differs: expected ").append(expected.status()).append(", actual ")
                    .append(actual.status()).append('\n');
            if (sb.indexOf("stderr") < 0 && !actual.stderr().isEmpty()) {
                sb.append("  lem stderr: ").append(show(actual.firstErrorLine())).append('\n');
            }
        }
        if (sb.isEmpty()) {
            return null;
        }
        sb.append("--- expected stdout ---\n").append(clip(expected.stdout()));
        sb.append("--- actual stdout ---\n").append(clip(actual.stdout()));
        if (!actual.stderr().isEmpty()) {
            sb.append("--- actual stderr ---\n").append(clip(actual.stderr()));
        }
        return sb.toString();
    }

    /** At most 4000 characters of an output, so that a runaway case keeps the report readable. */
    static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000) + "\n... (" + (text.length() - 4000) + " more characters)\n";
    }

    static String firstDifference(String what, String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int n = Math.min(e.length, a.length);
        for (int i = 0; i < n; i++) {
            if (!e[i].equals(a[i])) {
                return what + " differs at line " + (i + 1) + ":\n  expected: " + show(e[i]) + "\n  actual:   "
                        + show(a[i]) + "\n";
            }
        }
        // One is a prefix of the other.
        if (e.length > a.length) {
            return what + " differs at line " + (n + 1) + ": lem stopped early, expected: " + show(e[n]) + "\n";
        }
        return what + " differs at line " + (n + 1) + ": lem printed more: " + show(a[n]) + "\n";
    }

    /** The text with control characters and non-ASCII bytes escaped, quoted. */
    static String show(String s) {
        if (s.length() > 500) {
            return show(s.substring(0, 500)) + "... (" + (s.length() - 500) + " more characters)";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '\\' || ch == '"') {
                sb.append('\\').append(ch);
            } else if (ch >= 0x20 && ch < 0x7f) {
                sb.append(ch);
            } else if (ch == '\t') {
                sb.append("\\t");
            } else if (ch == '\r') {
                sb.append("\\r");
            } else {
                sb.append(String.format("\\x%02x", (int) ch));
            }
        }
        return sb.append('"').toString();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
