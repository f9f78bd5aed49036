package lem.e2e;

import static lem.e2e.LemProcess.lem;
import static lem.e2e.LemProcess.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exit statuses and error output of the real {@code lem} process (reference 1.3, 1.4, 3 utils.exit).
 * The wording of Lua runtime error messages is not asserted here (a separate conformance issue):
 * only the status, the {@code lem: } (or program name) prefix and the message text.
 */
class ErrorsAndExitIT {
    /**
     * A process that should end at once must not wait for the 20 s sleeps its script still has;
     * the bound leaves room for a slow JVM start on a busy machine.
     */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    // ---- load failures ----------------------------------------------------------------------------

    @Test
    void missingScriptFile() {
        var r = lem("nonexist.lua").in(tmp).run();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        r.assertMessage("cannot open nonexist.lua: No such file or directory");
        assertTrue(r.stderr().endsWith(": cannot open nonexist.lua: No such file or directory\n"), r::toString);
    }

    @Test
    void syntaxErrorNamesFileAndLineWithoutTraceback() {
        script(tmp, "syn.lua", "print('not reached')\nx = = 1\n");
        var r = lem("syn.lua").in(tmp).run();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        r.assertMessage("syn.lua:2: unexpected symbol near '='");
        assertFalse(r.stderr().contains("traceback"), r::toString);
        assertEquals(1, r.stderr().lines().count(), r::toString);
    }

    @Test
    void syntaxErrorInChunkOption() {
        var r = lem("-e", "print('not reached')", "-e", "x = = 1").run();
        assertEquals(1, r.exitCode(), r::toString);
        r.assertMessage("(command line):1: unexpected symbol near '='");
        assertFalse(r.stderr().contains("traceback"), r::toString);
    }

    // ---- runtime errors -----------------------------------------------------------------------------

    @Test
    void runtimeErrorInMainChunk() {
        Path s = script(tmp, "rt.lua", """
                local utils = require 'lem.utils'
                utils.spawn(function() print('queued task ran') end)
                print('before')
                error('boom')
                print('after')
                """);
        var r = LemProcess.run(s.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("before"), r.lines(), r::toString);
        r.assertMessage("boom");
    }

    @Test
    void stackOverflowPrintsAShortTraceback() {
        // as lua5.2: levels 1 to 10, "...", the last eleven (lem has no C level under the main chunk)
        var r = lem("-e", "local function f() return 1 + f() end f()").run();
        assertEquals(1, r.exitCode(), r::toString);
        r.assertMessage("(command line):1: stack overflow");
        List<String> lines = r.stderr().lines().toList();
        assertEquals(24, lines.size(), r::toString);
        assertEquals("stack traceback:", lines.get(1), r::toString);
        assertEquals("\t...", lines.get(12), r::toString);
        assertEquals("\t(command line):1: in main chunk", lines.get(23), r::toString);
    }

    @Test
    void runtimeErrorInSpawnedTaskStopsEverything() {
        Path s = script(tmp, "rt2.lua", """
                local utils = require 'lem.utils'
                utils.spawn(function() print('task 1') error('taskboom') end)
                utils.spawn(function() print('task 2 ran') end)
                print('main done')
                """);
        var r = LemProcess.run(s.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("main done", "task 1"), r.lines(), r::toString);
        r.assertMessage("taskboom");
    }

    @Test
    void runtimeErrorInTaskWhileMainSleeps() {
        Path s = script(tmp, "rt3.lua", """
                local utils = require 'lem.utils'
                utils.spawn(function() utils.newsleeper():sleep(0.05) error('lateboom') end)
                utils.spawn(function() utils.newsleeper():sleep(0.5) print('other sleeper ran') end)
                utils.newsleeper():sleep(20)
                print('main woke')
                """);
        var r = LemProcess.run(s.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        r.assertMessage("lateboom");
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @Test
    void errorWithNonStringValueExitsWithOne() {
        var r = LemProcess.run("-e", "print('x') error({})");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("x"), r.lines(), r::toString);
    }

    @Test
    void errorInPcallIsNotFatal() {
        var r = LemProcess.run("-e", "print(pcall(error, 'caught')) print('went on')");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("false\tcaught", "went on"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    // ---- utils.exit -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "utils.exit({0}) -> {1}")
    @CsvSource(delimiter = '|', value = {"0|0", "7|7", "260|4", "'5'|5", "3.9|3", "255|255"})
    void utilsExitStatus(String argument, int status) {
        var r = LemProcess.run("-e", "print('before') require('lem.utils').exit(" + argument + ") print('after')");
        assertEquals(status, r.exitCode(), r::toString);
        assertEquals(List.of("before"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void utilsExitWithoutArgumentIsAnError() {
        var r = LemProcess.run("-e", "require('lem.utils').exit()");
        assertEquals(1, r.exitCode(), r::toString);
        r.assertMessage("bad argument #1 to 'exit'");
    }

    @Test
    void utilsExitRunsNothingQueued() {
        Path s = script(tmp, "ex.lua", """
                local utils = require 'lem.utils'
                utils.spawn(function() print('queued task ran') end)
                print('main')
                utils.exit(3)
                print('after exit')
                """);
        var r = LemProcess.run(s.toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertEquals(List.of("main"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void utilsExitFromTaskWhileMainSleeps() {
        Path s = script(tmp, "ex2.lua", """
                local utils = require 'lem.utils'
                utils.spawn(function()
                  utils.newsleeper():sleep(0.1)
                  print('task exits')
                  utils.exit(9)
                  print('after exit')
                end)
                utils.spawn(function() utils.newsleeper():sleep(1) print('other sleeper ran') end)
                print('main sleeps')
                utils.newsleeper():sleep(20)
                print('main woke')
                """);
        var r = LemProcess.run(s.toString());
        assertEquals(9, r.exitCode(), r::toString);
        assertEquals(List.of("main sleeps", "task exits"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    // ---- os.exit ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "os.exit({0}) -> {1}")
    @CsvSource(delimiter = '|', value = {"3|3", "true|0", "false|1", "|0", "0|0"})
    void osExitStatus(String argument, int status) {
        String arg = argument == null ? "" : argument;
        var r = LemProcess.run("-e", "print('before') os.exit(" + arg + ") print('after')");
        assertEquals(status, r.exitCode(), r::toString);
        assertEquals(List.of("before"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void osExitFromTaskWhileMainSleeps() {
        Path s = script(tmp, "osx.lua", """
                local utils = require 'lem.utils'
                utils.spawn(function() utils.newsleeper():sleep(0.1) io.write('task exits') os.exit(6) end)
                utils.newsleeper():sleep(20)
                print('main woke')
                """);
        var r = LemProcess.run(s.toString());
        assertEquals(6, r.exitCode(), r::toString);
        assertEquals("task exits", r.stdout(), r::toString);
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    // ---- output is not lost ---------------------------------------------------------------------------

    private static final String LOTS = "for i = 1, 20000 do print('line ' .. i) end io.write('no newline') ";

    private static List<String> lots() {
        var lines = new java.util.ArrayList<>(IntStream.rangeClosed(1, 20000).mapToObj(i -> "line " + i).toList());
        lines.add("no newline");
        return lines;
    }

    @Test
    void outputBeforeOsExitIsFlushed() {
        var r = LemProcess.run("-e", LOTS + "os.exit(2)");
        assertEquals(2, r.exitCode(), () -> r.stderr());
        assertEquals(lots(), r.lines());
        assertFalse(r.stdout().endsWith("\n"));
    }

    @Test
    void outputBeforeUtilsExitIsFlushed() {
        var r = LemProcess.run("-e", LOTS + "require('lem.utils').exit(4)");
        assertEquals(4, r.exitCode(), () -> r.stderr());
        assertEquals(lots(), r.lines());
    }

    @Test
    void outputBeforeAnErrorIsFlushed() {
        var r = LemProcess.run("-e", LOTS + "error('flushboom')");
        assertEquals(1, r.exitCode(), () -> r.stderr());
        assertEquals(lots(), r.lines());
        r.assertMessage("flushboom");
    }

    @Test
    void outputAtNormalEndIsFlushed() {
        var r = LemProcess.run("-e", LOTS);
        assertEquals(0, r.exitCode(), () -> r.stderr());
        assertEquals(lots(), r.lines());
        assertEquals("", r.stderr());
    }

    @Test
    void ioStderrIsWritten() {
        var r = LemProcess.run("-e", "io.stderr:write('to stderr\\n') io.stdout:write('to stdout\\n') os.exit(0)");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("to stdout\n", r.stdout(), r::toString);
        assertEquals("to stderr\n", r.stderr(), r::toString);
    }
}
