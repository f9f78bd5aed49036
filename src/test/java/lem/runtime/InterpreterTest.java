package lem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;

/** lem's interpreter: frames instead of Java recursion, yields without continuations, wrapped calls. */
class InterpreterTest {
    /** Runs {@code source} as the first task, on a thread whose Java stack is {@code stackBytes}. */
    private static String run(String source, long stackBytes) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread t = new Thread(null, () -> {
            LemRuntime rt = new LemRuntime(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, System.in, true);
            rt.loop.onTaskFailure(task -> rt.globals.STDOUT.println("failed: " + task.failure()));
            rt.loop.spawn(rt.globals.load(source, "=test"), LuaValue.NONE);
            rt.loop.run();
        }, "test-loop", stackBytes);
        t.start();
        t.join(30_000);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String run(String source) throws InterruptedException {
        return run(source, 64L << 20);
    }

    @Test
    void luaCallsDoNotRecurseInJava() throws InterruptedException {
        // 90,000 Lua levels on a 1 MB Java stack: LuaJ's recursive interpreter needs about 1 KB each
        String out = run("""
                local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
                print(depth(90000))
                local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + 1) end
                print(tail(1000000, 0))
                print(pcall(function() local function f() return 1 + f() end return f() end))
                """, 1L << 20);
        assertEquals("90000\n1000000\nfalse\ttest:5: stack overflow\n", out);
    }

    @Test
    void varargsAndMultipleResultsCrossFrames() throws InterruptedException {
        String out = run("""
                local function pass(...) return ... end
                local function count(...) return select('#', ...), ... end
                print(count(pass(1, nil, 3, nil)))
                print((pass(4, 5)))
                local t = {pass(6, 7, 8)}
                print(#t, t[3])
                for i, v in ipairs({pass(9, 10)}) do io.write(i, '=', v, ' ') end print()
                """);
        assertEquals("4\t1\tnil\t3\tnil\n4\n3\t8\n1=9 2=10 \n", out);
    }

    @Test
    void upvaluesCloseWhenTheirFrameLeaves() throws InterruptedException {
        String out = run("""
                local fs = {}
                for i = 1, 3 do fs[i] = function() i = i + 10 return i end end
                print(fs[1](), fs[1](), fs[2](), fs[3]())
                local function counter() local n = 0 return function() n = n + 1 return n end end
                local c1, c2 = counter(), counter()
                print(c1(), c1(), c2())
                """);
        assertEquals("11\t21\t12\t13\n1\t2\t1\n", out);
    }

    @Test
    void yieldsFromNestedLuaFramesOfACoroutine() throws InterruptedException {
        String out = run("""
                local function deep(n) if n == 0 then return coroutine.yield('down') end return deep(n - 1) + 1 end
                local co = coroutine.create(function(a) local r = deep(50) return r + a end)
                print(coroutine.resume(co, 100))
                print(coroutine.status(co))
                print(coroutine.resume(co, 1))
                print(coroutine.status(co), coroutine.resume(co))
                """);
        assertEquals("true\tdown\nsuspended\ntrue\t151\ndead\tfalse\tcannot resume dead coroutine\n", out);
    }

    @Test
    void yieldsInsideWrappedCallsSuspendTheCoroutineAndGoOnLater() throws InterruptedException {
        String out = run("""
                local y = coroutine.yield
                local mt = {__index = function(t, k) return y('index ' .. k) end,
                            __add = function(a, b) return y('add') end,
                            __lt = function(a, b) return y('lt') end,
                            __concat = function(a, b) return y('concat') end}
                local co = coroutine.wrap(function()
                  local t = setmetatable({}, mt)
                  print('pcall', pcall(function() return y('in pcall') end))
                  print('index', t.key)
                  print('add', t + 1)
                  print('lt', t < t)
                  print('concat', t .. 'x')
                  local s = {3, 1, 2}
                  table.sort(s, function(a, b) y('sort') return a < b end)
                  print('sorted', table.concat(s, ','))
                  return 'end'
                end)
                local v = co()
                while v ~= 'end' do io.write('<', v, '> ') v = co(v == 'lt' or 'r:' .. v) end
                """);
        assertEquals("<in pcall> pcall\ttrue\tr:in pcall\n<index key> index\tr:index key\n<add> add\tr:add\n"
                + "<lt> lt\ttrue\n<concat> concat\tr:concat\n" + "<sort> ".repeat(out.split("<sort>").length - 1)
                + "sorted\t1,2,3\n", out);
    }

    @Test
    void javaFunctionsOfUnknownKindYieldThroughTheirWrapper() throws InterruptedException {
        String out = run("""
                local s = setmetatable({}, {__tostring = function() return coroutine.yield('from tostring') end})
                local co = coroutine.create(function() return tostring(s) end)
                print(coroutine.resume(co))
                print(coroutine.resume(co, 'text'))
                print(coroutine.resume(coroutine.create(coroutine.yield), 'java body'))
                """);
        assertEquals("true\tfrom tostring\ntrue\ttext\ntrue\tjava body\n", out);
    }

    @Test
    void aWaitInsideACoroutineSuspendsTheTask() throws InterruptedException {
        String out = run("""
                local u = require 'lem.utils'
                u.spawn(function() print('other task') end)
                local gen = coroutine.wrap(function()
                  for i = 1, 2 do u.newsleeper():sleep(0.001) coroutine.yield(i) end
                end)
                print(gen(), gen())
                """);
        assertEquals("other task\n1\t2\n", out);
    }
}
