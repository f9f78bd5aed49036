package lem.lib;

import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import lem.runtime.WorkerPool;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** {@code lem.utils}: tasks, sleepers, loop time, exit and the worker pool's size. */
public final class UtilsLib {
    private static final Wait EXITING = Wait.of("exit");

    private final Loop loop;
    private final WorkerPool pool;
    private final LuaTable sleeperMeta = new LuaTable();

    public UtilsLib(Loop loop, WorkerPool pool) {
        this.loop = loop;
        this.pool = pool;
        sleeperMeta.set("__index", sleeperMeta);
        sleeperMeta.set("sleep", new LemFunction("sleep") {
            @Override
            public Varargs invoke(Varargs args) {
                Sleeper sleeper = checkUserdata(args, 1, Sleeper.class, "sleeper");
                if (args.isnil(2)) {
                    return sleeper.sleep(-1);
                }
                double timeout = checkNumber(args, 2);
                return sleeper.sleep(timeout <= 0 ? 0 : Math.max(1, (long) (timeout * 1e9)));
            }
        });
        sleeperMeta.set("wakeup", new LemFunction("wakeup") {
            @Override
            public Varargs invoke(Varargs args) {
                return checkUserdata(args, 1, Sleeper.class, "sleeper").wakeup(args.subargs(2));
            }
        });
    }

    public LuaTable module() {
        LuaTable m = new LuaTable();
        m.set("spawn", new LemFunction("spawn") {
            @Override
            public Varargs invoke(Varargs args) {
                loop.spawn(checkFunction(args, 1), args.subargs(2));
                return TRUE;
            }
        });
        m.set("yield", new LemFunction("yield") {
            @Override
            public Varargs invoke(Varargs args) {
                return loop.yieldTask(NONE);
            }
        });
        m.set("suspend", new LemFunction("suspend") {
            @Override
            public Varargs invoke(Varargs args) {
                return loop.await(Wait.SUSPENDED);
            }
        });
        m.set("resume", new LemFunction("resume") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue target = args.arg1();
                if (!target.isthread()) {
                    throw typeError(args, 1, "thread");
                }
                if (!(target instanceof Task task) || task.waiting() != Wait.SUSPENDED) {
                    throw argError(1, "coroutine is not suspended in utils.suspend()");
                }
                loop.wake(task, args.subargs(2));
                return NONE;
            }
        });
        m.set("thisthread", new LemFunction("thisthread") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaThread running = loop.globals().running;
                return running;
            }
        });
        m.set("newsleeper", new LemFunction("newsleeper") {
            @Override
            public Varargs invoke(Varargs args) {
                return new LuaUserdata(new Sleeper(loop), sleeperMeta);
            }
        });
        m.set("now", new LemFunction("now") {
            @Override
            public Varargs invoke(Varargs args) {
                return valueOf(loop.now());
            }
        });
        m.set("updatenow", new LemFunction("updatenow") {
            @Override
            public Varargs invoke(Varargs args) {
                return valueOf(loop.updateNow());
            }
        });
        m.set("exit", new LemFunction("exit") {
            @Override
            public Varargs invoke(Varargs args) {
                double status = checkNumber(args, 1);
                loop.exit((int) status);
                return loop.await(EXITING);
            }
        });
        m.set("poolconfig", new LemFunction("poolconfig") {
            @Override
            public Varargs invoke(Varargs args) {
                int delay = checkIntInRange(args, 1, 0, Integer.MAX_VALUE);
                int min = checkIntInRange(args, 2, 0, Integer.MAX_VALUE);
                int max = checkIntInRange(args, 3, 1, Integer.MAX_VALUE);
                if (max < min) {
                    throw argError(3, "not an integer in proper range");
                }
                pool.configure(delay, min, max);
                return NONE;
            }
        });
        return m;
    }
}
