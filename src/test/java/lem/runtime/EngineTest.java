package lem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** The coroutine engine seen from Java: tasks, nested coroutines, pinning, garbage. */
class EngineTest {
    private static LemRuntime runtime(ByteArrayOutputStream out) {
        return new LemRuntime(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, System.in, true);
    }

    /** Runs {@code source} as the first task and the loop to its end, on a thread with a big stack. */
    private static String run(String source) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread t = new Thread(null, () -> {
            LemRuntime rt = runtime(out);
            rt.loop.onTaskFailure(task -> rt.globals.STDOUT.println("failed: " + task.failure()));
            rt.loop.spawn(rt.globals.load(source, "=test"), LuaValue.NONE);
            rt.loop.run();
        }, "test-loop", 64L << 20);
        t.start();
        t.join(20_000);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A class whose initialiser runs a Lua function: a native frame a yield cannot cross. */
    static final class Callback {
        static LuaValue function;
    }

    static final class RunsLuaWhenInitialised {
        static final String RESULT;

        static {
            String result;
            try {
                result = "returned " + Callback.function.call();
            } catch (LuaError e) {
                result = "error " + e.getMessageObject();
            }
            RESULT = result;
        }
    }

    @Test
    void aYieldThatCannotHappenIsALuaError() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread t = new Thread(null, () -> {
            LemRuntime rt = runtime(out);
            rt.loop.onTaskFailure(task -> rt.globals.STDOUT.println("failed: " + task.failure()));
            rt.globals.set("initialise", new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs args) {
                    Callback.function = args.arg1();
                    return valueOf(RunsLuaWhenInitialised.RESULT);
                }
            });
            rt.loop.spawn(rt.globals.load(
                    "local u = require 'lem.utils'\n"
                    + "print(initialise(function() u.newsleeper():sleep(0.01) return 'slept' end))\n"
                    + "print('the task goes on')",
                    "=pinned"), LuaValue.NONE);
            rt.loop.run();
        }, "test-loop", 64L << 20);
        t.start();
        t.join(20_000);
        assertEquals("error pinned:2: attempt to yield across a C-call boundary\nthe task goes on\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTaskWaitsThroughNestedCoroutinesAndResumesWhereItWas() throws InterruptedException {
        String out = run("""
                local u = require 'lem.utils'
                local trail = {}
                local outer = coroutine.wrap(function()
                  local inner = coroutine.wrap(function()
                    trail[#trail + 1] = 'inner before'
                    u.newsleeper():sleep(0.01)
                    trail[#trail + 1] = 'inner after'
                    coroutine.yield('from inner')
                  end)
                  coroutine.yield(inner())
                end)
                u.spawn(function() trail[#trail + 1] = 'other task' end)
                local v = outer()
                print(v, table.concat(trail, ', '))
                """);
        assertEquals("from inner\tinner before, other task, inner after\n", out);
    }

    @Test
    void abandonedSuspendedCoroutinesAreCollected() throws InterruptedException {
        WeakReference<?>[] ref = new WeakReference<?>[1];
        Thread t = new Thread(null, () -> {
            LemRuntime rt = runtime(new ByteArrayOutputStream());
            rt.loop.spawn(new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs args) {
                    LuaValue co = rt.globals.load("return coroutine.create(function() coroutine.yield() end)").call();
                    rt.globals.get("coroutine").get("resume").call(co);
                    ref[0] = new WeakReference<>(co);
                    return NONE;
                }
            }, LuaValue.NONE);
            rt.loop.run();
        }, "test-loop", 64L << 20);
        t.start();
        t.join(20_000);
        for (int i = 0; i < 50 && ref[0].get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, ref[0].get(), "the suspended coroutine was collected");
    }

    @Test
    void aRunKeepsNoReferenceToItsResults() throws InterruptedException {
        // a run's results pass through its thread's exit frame, which all runs share
        boolean[] collected = new boolean[1];
        Thread t = new Thread(null, () -> {
            LemRuntime rt = runtime(new ByteArrayOutputStream());
            WeakReference<?> ref = new WeakReference<>(rt.globals.load("return {}").call());
            for (int i = 0; i < 50 && ref.get() != null; i++) {
                System.gc();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            collected[0] = ref.get() == null;
        }, "test-loop", 64L << 20);
        t.start();
        t.join(20_000);
        assertTrue(collected[0], "the table the chunk returned was collected");
    }

    @Test
    void errorsInTasksReachTheFailureHandler() throws InterruptedException {
        String out = run("""
                local u = require 'lem.utils'
                u.spawn(function() local t = nil; return t.x end)
                u.spawn(function() print('still running') end)
                """);
        assertTrue(out.contains("failed: test:2: attempt to index local 't' (a nil value)"), out);
        assertTrue(out.contains("still running"), out);
    }

    @Test
    void callsOutsideATaskCannotWait() {
        LemRuntime rt = runtime(new ByteArrayOutputStream());
        LuaError e = org.junit.jupiter.api.Assertions.assertThrows(LuaError.class, () -> rt.loop.await(Wait.SUSPENDED));
        assertEquals("attempt to yield from outside a coroutine", e.getMessage());
    }
}
