package lem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;

/** Tasks run on the interpreter like coroutines: what a waiting task keeps, and how it goes on. */
class TaskStepTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Task> tasks = new ArrayList<>();

    /** Spawns each source as a task and runs the loop until nothing can make progress. */
    private String run(String... sources) throws InterruptedException {
        Thread t = new Thread(null, () -> {
            LemRuntime rt = new LemRuntime(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, System.in, true);
            rt.loop.onTaskFailure(task -> rt.globals.STDOUT.println("failed: " + task.failure()));
            for (String source : sources) {
                tasks.add(rt.loop.spawn(rt.globals.load(source, "=task" + (tasks.size() + 1)), LuaValue.NONE));
            }
            rt.loop.run();
        }, "test-loop", 64L << 20);
        t.start();
        t.join(20_000);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWaitFromTheTasksOwnFramesKeepsNoJavaFrames() throws InterruptedException {
        run("require('lem.utils').newsleeper():sleep()");
        Task task = tasks.get(0);
        assertEquals("suspended", task.getStatus());
        assertEquals("sleep until woken", task.waiting().describe());
        assertInstanceOf(WaitingCall.Woken.class, task.pending);
    }

    @Test
    void tasksWaitingInWaitingCallsShareWhatIsLeftOfTheCall() throws InterruptedException {
        run("require('lem.utils').newsleeper():sleep()", "require('lem.utils').yield() require('lem.utils').newsleeper():sleep()");
        assertSame(tasks.get(0).pending, tasks.get(1).pending);
    }

    @Test
    void aWaitInsideAJavaFunctionKeepsOnlyThatCall() throws InterruptedException {
        run("local s = require('lem.utils').newsleeper() pcall(s.sleep, s)");
        assertInstanceOf(WrappedCall.class, tasks.get(0).pending);
    }

    @Test
    void aWaitInNestedCoroutinesStopsEachResumerAndLeavesTheirStatuses() throws InterruptedException {
        String printed = run("""
                local u = require 'lem.utils'
                sleeper = u.newsleeper()
                co1 = coroutine.create(function(a)
                  local inner = coroutine.wrap(function(b)
                    co2 = coroutine.running()
                    local woken = sleeper:sleep()
                    coroutine.yield(b .. woken)
                  end)
                  coroutine.yield(inner(a .. 'b'))
                end)
                print(coroutine.resume(co1, 'a'))
                """, """
                print(coroutine.status(co1), coroutine.status(co2), coroutine.resume(co1))
                sleeper:wakeup('c')
                """);
        assertEquals("normal\trunning\tfalse\tcannot resume non-suspended coroutine\ntrue\tabc\n", printed);
        assertEquals("dead", tasks.get(0).getStatus());
    }

    @Test
    void aPendingWrappedCallGoesOnAcrossTaskWaitsAndCoroutineYields() throws InterruptedException {
        String printed = run("""
                local u = require 'lem.utils'
                local co = coroutine.create(function()
                  return pcall(function()
                    u.newsleeper():sleep(0.001)
                    local v = coroutine.yield('y1')
                    u.newsleeper():sleep(0.001)
                    return v
                  end)
                end)
                print(coroutine.resume(co))
                print(coroutine.resume(co, 'v'))
                print(coroutine.status(co))
                """);
        assertEquals("true\ty1\ntrue\ttrue\tv\ndead\n", printed);
    }

    @Test
    void aYieldAtTheRootOfATaskSuspendsItUntilUtilsResume() throws InterruptedException {
        String printed = run("""
                first = coroutine.running()
                print('got', coroutine.yield())
                """, """
                require('lem.utils').resume(first, 1, 2)
                """);
        assertEquals("got\t1\t2\n", printed);
    }
}
