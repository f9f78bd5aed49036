package lem.runtime;

import lem.lib.LemFunction;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua's {@code coroutine} library over lem's engine: no thread per coroutine. At the root of a
 * task (the main chunk, a spawned function) {@code coroutine.yield} suspends the task like
 * {@code utils.suspend}, which is what the C lem does when its scheduler sees such a yield.
 */
public final class CoroutineLib {
    private final Globals globals;
    private final Loop loop;

    public CoroutineLib(Loop loop) {
        this.loop = loop;
        this.globals = loop.globals();
    }

    public LuaTable install() {
        LuaTable lib = new LuaTable();
        lib.set("create", new LemFunction("create", true) {
            @Override
            public Varargs invoke(Varargs args) {
                return new Coroutine(globals, checkFunction(args, 1));
            }
        });
        lib.set("resume", new ResumeFunction("resume") {
            @Override
            Coroutine target(Varargs args) {
                return checkCoroutine(this, args) instanceof Coroutine co ? co : null;
            }

            @Override
            Varargs input(Varargs args) {
                return args.subargs(2);
            }

            @Override
            Varargs refused(String refusal) {
                return varargsOf(FALSE, valueOf(refusal));
            }

            @Override
            Varargs finished(Coroutine co, Varargs out) {
                return co.failed() ? varargsOf(FALSE, co.failure()) : varargsOf(TRUE, out);
            }
        });
        lib.set("yield", new YieldFunction(this));
        lib.set("status", new LemFunction("status", true) {
            @Override
            public Varargs invoke(Varargs args) {
                return valueOf(checkCoroutine(this, args).getStatus());
            }
        });
        lib.set("running", new LemFunction("running", true) {
            @Override
            public Varargs invoke(Varargs args) {
                LuaThread running = globals.running;
                return varargsOf(running, valueOf(running.isMainThread()));
            }
        });
        lib.set("isyieldable", new LemFunction("isyieldable", true) {
            @Override
            public Varargs invoke(Varargs args) {
                return valueOf(globals.running instanceof Coroutine);
            }
        });
        lib.set("wrap", new LemFunction("wrap", true) {
            @Override
            public Varargs invoke(Varargs args) {
                return wrap(new Coroutine(globals, checkFunction(args, 1)));
            }
        });
        globals.set("coroutine", lib);
        globals.get("package").get("loaded").set("coroutine", lib);
        return lib;
    }

    private static LuaThread checkCoroutine(LemFunction f, Varargs args) {
        LuaValue v = args.arg1();
        if (!v.isthread()) {
            throw f.argError(1, "coroutine expected");
        }
        return (LuaThread) v;
    }

    Varargs yieldFromRunning(Varargs values) {
        LuaThread running = globals.running;
        if (running instanceof Task) {
            return loop.await(Wait.SUSPENDED);
        }
        if (running instanceof Coroutine co) {
            return co.yieldOut(values);
        }
        throw new LuaError("attempt to yield from outside a coroutine");
    }

    private static LuaFunction wrap(Coroutine co) {
        return new ResumeFunction("wrap") {
            @Override
            Coroutine target(Varargs args) {
                return co;
            }

            @Override
            Varargs input(Varargs args) {
                return args;
            }

            @Override
            Varargs refused(String refusal) {
                throw new LuaError(refusal, 1);
            }

            @Override
            Varargs finished(Coroutine co, Varargs out) {
                if (!co.failed()) {
                    return out;
                }
                LuaValue error = co.failure();
                if (error.isstring()) {
                    // level 1: Lua 5.2 adds the position of the call into the wrapped function
                    throw new LuaError(error.tojstring(), 1);
                }
                throw new LuaError(error);
            }
        };
    }
}
