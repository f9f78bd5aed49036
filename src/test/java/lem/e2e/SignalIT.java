package lem.e2e;

import static lem.e2e.LemProcess.lem;
import static lem.e2e.LemProcess.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * lem.signal with real signals sent to a real lem process (reference 10): handlers get the
 * number, run in order in a new task per delivery, may wait; unregistering gives the default
 * action back; handlers keep nothing alive; an error in one is fatal; SIGCHLD from io.popen.
 */
class SignalIT {
    /** Far below the 20 s the scripts would sleep if a signal did not end them. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private LemProcess.Running start(String source, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = script(tmp, "t.lua", source).toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return lem(command).start();
    }

    private static void assertOk(LemProcess.Result r, String... lines) {
        assertEquals(List.of(lines), r.lines(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.stderr(), r::toString);
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @ParameterizedTest
    @CsvSource({"INT, 2", "TERM, 15", "HUP, 1", "USR1, 10", "USR2, 12", "ALRM, 14", "WINCH, 28"})
    void handlerGetsTheSignalNumber(String name, int number) {
        var r = start("""
                local signal = require 'lem.signal'
                local utils = require 'lem.utils'
                local main, woken = utils.thisthread(), utils.newsleeper()
                assert(signal.register(arg[1], function(n)
                  print('handler', n, signal.lookup(n), utils.thisthread() ~= main)
                  woken:wakeup('woken')
                end))
                print('ready')
                print(woken:sleep(20))
                """, name).awaitOutput("ready").signal(name).finish();
        assertOk(r, "ready", "handler\t" + number + "\tSIG" + name + "\ttrue", "woken");
    }

    @Test
    void handlersRunInOrderInANewTaskPerDeliveryAndMayWait() {
        var r = start("""
                local signal = require 'lem.signal'
                local utils = require 'lem.utils'
                local done, tasks = utils.newsleeper(), {}
                signal.register('USR1', function(n)
                  tasks[#tasks + 1] = utils.thisthread()
                  utils.newsleeper():sleep(0.05)
                  print('first', n)
                end)
                signal.register('USR1', function(n) print('second', n) done:wakeup() end)
                print('ready 1')
                done:sleep(20)
                print('ready 2')
                done:sleep(20)
                print('two tasks', tasks[1] ~= tasks[2])
                """);
        r.awaitOutput("ready 1").signal("USR1").awaitOutput("ready 2").signal("USR1");
        assertOk(r.finish(), "ready 1", "first\t10", "second\t10", "ready 2", "first\t10", "second\t10", "two tasks\ttrue");
    }

    @Test
    void unregisterGivesTheDefaultActionBack() {
        var r = start("""
                local signal = require 'lem.signal'
                local function f() print('not called') end
                assert(signal.register('INT', f))
                assert(signal.unregister('INT', f))
                print('ready')
                require('lem.utils').newsleeper():sleep(20)
                print('not reached')
                """).awaitOutput("ready").signal("INT").finish();
        assertEquals(130, r.exitCode(), r::toString);
        assertEquals(List.of("ready"), r.lines(), r::toString);
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @Test
    void sigintEndsLemWithoutAHandler() {
        var r = start("""
                print('ready')
                require('lem.utils').newsleeper():sleep(20)
                """).awaitOutput("ready").signal("INT").finish();
        assertEquals(130, r.exitCode(), r::toString);
    }

    @Test
    void oneOfTwoRegistrationsInARowStays() {
        var r = start("""
                local signal = require 'lem.signal'
                local utils = require 'lem.utils'
                local done = utils.newsleeper()
                local function f(n) print('handled', n) done:wakeup() end
                signal.register('USR2', f)
                signal.register('USR2', f)
                signal.unregister('USR2', f)
                print('ready')
                done:sleep(20)
                utils.newsleeper():sleep(0.1)
                print('end')
                """).awaitOutput("ready").signal("USR2").finish();
        assertOk(r, "ready", "handled\t12", "end");
    }

    @Test
    void handlersKeepNothingAlive() {
        var r = start("""
                local signal = require 'lem.signal'
                for _, name in ipairs({'INT', 'TERM', 'USR1', 'CHLD'}) do assert(signal.register(name, print)) end
                print('end')
                """).finish();
        assertOk(r, "end");
    }

    @Test
    void anErrorInAHandlerIsFatal() {
        var r = start("""
                local signal = require 'lem.signal'
                signal.register('USR1', function() error('boom in a handler') end)
                print('ready')
                require('lem.utils').newsleeper():sleep(20)
                print('not reached')
                """).awaitOutput("ready").signal("USR1").finish();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("ready"), r.lines(), r::toString);
        r.assertMessage("boom in a handler");
        assertTrue(r.stderr().contains("stack traceback:"), r::toString);
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    /** After the C version's test/signal.lua. */
    @Test
    void childrenOfPopenAndSigint() {
        var r = start("""
                local signal = require 'lem.signal'
                local utils = require 'lem.utils'
                local io = require 'lem.io'
                local pids, woken, reaped = {}, utils.newsleeper(), utils.newsleeper()
                signal.register('sigchld', function(n, ev)
                  print(('child %s exited with status %d'):format(pids[ev.rpid], ev.status), n, ev.pid, ev.type)
                  reaped:wakeup()
                end)
                local _, pid = io.popen('sleep 0.2; exit 4')
                pids[pid] = 'one'
                print('starting child: `sleep 0.2; exit 4`')
                reaped:sleep(10) -- a loaded machine may take a while to reap the child
                local function onint(n) print('got SIGINT', n) woken:wakeup() end
                signal.register('sigint', onint)
                print('catch sigint')
                woken:sleep(20)
                signal.unregister('sigint', onint)
                print('restore sigint')
                utils.newsleeper():sleep(20)
                print('not reached')
                """);
        r.awaitOutput("catch sigint").signal("INT").awaitOutput("restore sigint").signal("INT");
        var result = r.finish();
        assertEquals(List.of("starting child: `sleep 0.2; exit 4`", "child one exited with status 4\t17\t0\texited",
                "catch sigint", "got SIGINT\t2", "restore sigint"), result.lines(), result::toString);
        assertEquals(130, result.exitCode(), result::toString);
    }
}
