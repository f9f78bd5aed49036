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

/**
 * Process lifetime and scheduling of the real {@code lem} process (reference 0.3, 0.4, 1.2, 3):
 * what keeps it alive, run-queue order, sleepers, suspend/resume, and many tasks/coroutines.
 */
class LifetimeIT {
    /**
     * Bound for "exits promptly": far below the 20-30 s the scripts would otherwise wait (or the
     * 30 s hard timeout), with room for a slow JVM start on a busy machine.
     */
    private static final Duration PROMPT = Duration.ofSeconds(10);
    private static final Duration BIG = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private LemProcess.Result runScript(String source) {
        return LemProcess.run(script(tmp, "t.lua", source).toString());
    }

    private static void assertOk(LemProcess.Result r, String... lines) {
        assertEquals(List.of(lines), r.lines(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    // ---- what keeps the process alive -------------------------------------------------------------

    @Test
    void waitsForSleepingTaskAfterMainReturns() {
        var r = runScript("""
                local utils = require 'lem.utils'
                utils.spawn(function() print('task', utils.newsleeper():sleep(0.3)) print('late') end)
                print('main end')
                """);
        assertOk(r, "main end", "task\tnil\ttimeout", "late");
        assertTrue(r.elapsed().toMillis() >= 300, r::toString);
    }

    @Test
    void mainSleepsShorterThanTask() {
        var r = runScript("""
                local utils = require 'lem.utils'
                utils.spawn(function() utils.newsleeper():sleep(0.4) print('task late') end)
                utils.newsleeper():sleep(0.1)
                print('main woke')
                """);
        assertOk(r, "main woke", "task late");
        assertTrue(r.elapsed().toMillis() >= 400, r::toString);
    }

    @Test
    void suspendedTaskDoesNotKeepProcessAlive() {
        var r = runScript("""
                local utils = require 'lem.utils'
                utils.spawn(function() print('parked') utils.suspend() print('resumed') end)
                print('main end')
                """);
        assertOk(r, "main end", "parked");
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @Test
    void suspendedMainDoesNotKeepProcessAlive() {
        var r = runScript("""
                print('main parks')
                require('lem.utils').suspend()
                print('resumed')
                """);
        assertOk(r, "main parks");
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @Test
    void untimedSleeperDoesNotKeepProcessAlive() {
        var r = runScript("""
                local utils = require 'lem.utils'
                utils.spawn(function() print('sleeping') print(utils.newsleeper():sleep()) print('woke') end)
                print('main end')
                """);
        assertOk(r, "main end", "sleeping");
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @Test
    void parkedTasksAreAbandonedWhenTheLastTimerEnds() {
        var r = runScript("""
                local utils = require 'lem.utils'
                utils.spawn(function() utils.suspend() print('suspended one ran') end)
                utils.spawn(function() utils.newsleeper():sleep() print('untimed one ran') end)
                utils.spawn(function() utils.newsleeper():sleep(0.3) print('timed one done') end)
                print('main end')
                """);
        assertOk(r, "main end", "timed one done");
        assertTrue(r.elapsed().toMillis() >= 300, r::toString);
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @Test
    void mainChunkRunsInASchedulerTask() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local co, ismain = coroutine.running()
                print(type(co), ismain, co == utils.thisthread())
                """);
        assertOk(r, "thread\tfalse\ttrue");
    }

    // ---- run queue order ----------------------------------------------------------------------------

    @Test
    void yieldIsFifo() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local t = {}
                for i = 1, 3 do
                  utils.spawn(function() t[#t + 1] = 's' .. i; utils.yield(); t[#t + 1] = 'y' .. i end)
                end
                t[#t + 1] = 'main'; utils.yield()
                t[#t + 1] = 'main2'; utils.yield()
                t[#t + 1] = 'main3'
                print(table.concat(t, ' '))
                print(select('#', utils.yield()))
                """);
        assertOk(r, "main s1 s2 s3 main2 y1 y2 y3 main3", "0");
    }

    @Test
    void spawnDoesNotSwitchAndPassesArguments() {
        var r = runScript("""
                local utils = require 'lem.utils'
                print(utils.spawn(function(...) print('task', select('#', ...), ...) end, 1, nil, 'three', nil))
                print('main')
                """);
        assertOk(r, "true", "main", "task\t4\t1\tnil\tthree\tnil");
    }

    @Test
    void spawnedTaskReturnValuesAreDiscarded() {
        var r = runScript("""
                local utils = require 'lem.utils'
                utils.spawn(function() return 1, 2, 3 end)
                utils.yield()
                print('ok')
                """);
        assertOk(r, "ok");
    }

    // ---- sleepers -----------------------------------------------------------------------------------

    @Test
    void sleeperTimesOut() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local s = utils.newsleeper()
                local t0 = utils.updatenow()
                local a, b = s:sleep(0.2)
                print(a, b, select('#', s:sleep(0.01)), utils.updatenow() - t0 >= 0.19)
                """);
        assertOk(r, "nil\ttimeout\t2\ttrue");
        assertTrue(r.elapsed().toMillis() >= 200, r::toString);
    }

    @Test
    void sleepZeroAndNegativeTimeOutAfterAYield() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local s = utils.newsleeper()
                local order = {}
                utils.spawn(function() order[#order + 1] = 'task1' end)
                local a, b = s:sleep(0)
                order[#order + 1] = 'main'
                utils.spawn(function() order[#order + 1] = 'task2' end)
                local c, d = s:sleep(-1)
                order[#order + 1] = 'main2'
                print(a, b, c, d)
                print(table.concat(order, ' '))
                """);
        assertOk(r, "nil\ttimeout\tnil\ttimeout", "task1 main task2 main2");
    }

    @Test
    void wakeupValuesAreReturnedVerbatim() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local s = utils.newsleeper()
                local function show(...)
                  local t = { select('#', ...) }
                  for i = 1, select('#', ...) do t[#t + 1] = tostring((select(i, ...))) end
                  print(table.concat(t, ' '))
                end
                utils.spawn(function() print('wakeup', s:wakeup('a', nil, 'c')) end)
                show(s:sleep(20))
                utils.spawn(function() s:wakeup() end)
                show(s:sleep())
                utils.spawn(function() s:wakeup(nil, nil) end)
                show(s:sleep(20))
                utils.spawn(function() s:wakeup(1, false, nil, s) end)
                local a, b, c, d = s:sleep(20)
                show(a, b, c, d == s)
                """);
        assertOk(r, "wakeup\ttrue", "3 a nil c", "0", "2 nil nil", "4 1 false nil true");
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @Test
    void wakeupDoesNotSwitch() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local s = utils.newsleeper()
                utils.spawn(function() print('woken', s:sleep()) end)
                utils.yield()
                print('wakeup', s:wakeup('v'))
                print('main after wakeup')
                """);
        assertOk(r, "wakeup\ttrue", "main after wakeup", "woken\tv");
    }

    @Test
    void secondSleeperUserGetsBusy() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local s = utils.newsleeper()
                utils.spawn(function() print('first', s:sleep(20)) end)
                utils.yield()
                print('second', s:sleep(20))
                print('wakeup', s:wakeup('done'))
                utils.yield()
                print('again', s:sleep(0.01))
                """);
        assertOk(r, "second\tnil\tbusy", "wakeup\ttrue", "first\tdone", "again\tnil\ttimeout");
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    @Test
    void wakeupOfIdleSleeperSaysNotSleeping() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local s = utils.newsleeper()
                print(s:wakeup('x'))
                print(s:sleep(0))
                print(s:wakeup())
                """);
        assertOk(r, "nil\tnot sleeping", "nil\ttimeout", "nil\tnot sleeping");
    }

    @Test
    void wakeupCancelsTheTimer() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local s = utils.newsleeper()
                utils.spawn(function() print('task', s:sleep(30)) end)
                utils.yield()
                s:wakeup('early')
                print('main end')
                """);
        assertOk(r, "main end", "task\tearly");
        assertTrue(r.elapsed().compareTo(PROMPT) < 0, r::toString);
    }

    // ---- suspend / resume ---------------------------------------------------------------------------

    @Test
    void suspendReturnsTheValuesPassedToResume() {
        var r = runScript("""
                local utils = require 'lem.utils'
                local main = utils.thisthread()
                local task
                utils.spawn(function()
                  task = utils.thisthread()
                  print('task got', select('#', utils.suspend()))
                  print('task got', utils.suspend())
                  print('resume returns', select('#', utils.resume(main, 'back', nil, 3, nil)))
                  print('task end')
                end)
                utils.yield()
                utils.resume(task, nil, nil)
                print('main after resume 1')
                utils.yield()
                utils.resume(task, 'x', 42)
                local function pack(...) return { n = select('#', ...), ... } end
                local t = pack(utils.suspend())
                print('main got', t.n, t[1], t[2], t[3], t[4])
                """);
        assertOk(r, "main after resume 1", "task got\t2", "task got\tx\t42", "resume returns\t0", "task end",
                "main got\t4\tback\tnil\t3\tnil");
    }

    @Test
    void hundredThousandSuspendedTasks() {
        var r = lem(script(tmp, "many.lua", """
                local utils = require 'lem.utils'
                local N = 100000
                local parked, done = {}, 0
                for i = 1, N do
                  utils.spawn(function()
                    parked[#parked + 1] = utils.thisthread()
                    local v = utils.suspend()
                    done = done + v
                  end)
                end
                while #parked < N do utils.yield() end
                print('parked', #parked)
                for i = 1, N do utils.resume(parked[i], 1) end
                parked = nil
                while done < N do utils.yield() end
                print('completed', done)
                """).toString()).timeout(BIG).run();
        assertOk(r, "parked\t100000", "completed\t100000");
    }

    @Test
    void millionAbandonedCoroutinesAreCollected() {
        var r = lem(script(tmp, "abandon.lua", """
                local N = 1000000
                local resumed = 0
                for i = 1, N do
                  local co = coroutine.create(function(x) coroutine.yield(x) error('never resumed again') end)
                  local ok, v = coroutine.resume(co, i)
                  if ok and v == i then resumed = resumed + 1 end
                end
                collectgarbage()
                collectgarbage()
                local kb = collectgarbage('count')
                print('resumed', resumed)
                print('bounded', kb < 200 * 1024)
                if kb >= 200 * 1024 then io.stderr:write('memory in use: ', kb, ' KB\\n') end
                """).toString()).timeout(BIG).run();
        assertOk(r, "resumed\t1000000", "bounded\ttrue");
    }
}
