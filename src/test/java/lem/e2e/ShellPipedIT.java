package lem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shell without a terminal: chunk by chunk from stdin, no prompt, no colour. */
class ShellPipedIT {
    @Test
    void chunksRunOneByOneAndExpressionsPrint() {
        LemProcess.Result r = LemProcess.lem().stdin("""
                x = 1 + 1
                x
                local y = 10
                y * 2
                =y
                function f(a)
                  return a * 3
                end
                f(5)
                {1, "two", nested = {a = true}}
                "s\\n"
                """).run();
        assertEquals("2\n20\n10\n15\n{ 1, \"two\", nested = { a = true } }\n\"s\\n\"\n", r.stdout(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
    }

    @Test
    void errorsDoNotEndTheShellAndLandInErr() {
        LemProcess.Result r = LemProcess.lem().stdin("""
                error('boom')
                print('goes on')
                _err
                """).run();
        assertEquals("goes on\n\"stdin:1: boom\"\n", r.stdout(), r::toString);
        assertTrue(r.stderr().startsWith("stdin:1: boom\nstack traceback:"), r::toString);
    }

    @Test
    void atTheEndOfInputTheShellWaitsForItsTasksLikeAScript() {
        LemProcess.Result r = LemProcess.lem().stdin("""
                local u = require 'lem.utils'
                u.spawn(function() u.newsleeper():sleep(0.3) print('late') end)
                print('typed')
                """).run();
        assertEquals("true\ntyped\nlate\n", r.stdout(), r::toString);
    }

    @Test
    void shellCommandsWork() {
        LemProcess.Result r = LemProcess.lem().stdin("""
                .help
                .nosuch
                .exit
                print('not reached')
                """).run();
        assertTrue(r.stdout().contains(".tasks [-v]"), r::toString);
        assertTrue(r.stdout().contains("unknown command .nosuch"), r::toString);
        assertTrue(!r.stdout().contains("not reached"), r::toString);
    }
}
