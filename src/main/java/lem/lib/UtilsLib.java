package lem.lib;

import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import lem.runtime.WaitingFunction;
import lem.runtime.WorkerPool;
import org.luaj.vm2.LuaTable;
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
        sleeperMeta.set("sleep", new WaitingFunction("sleep", loop) {
            @Override
            protected Varargs begin(Varargs args) {
                Sleeper sleeper = checkUserdata(args, 1, Sleeper.class, "sleeper");
                if (args.isnil(2)) {
                    return sleeper.sleep(-1);
                }
                double timeout = checkNumber(args, 2);
                return sleeper.sleep(timeout <= 0 ? 0 : Math.max(1, (long) (timeout * 1e9)));
            }
        });
        sleeperMeta.set("wakeup", LemFunction.direct("wakeup", (self, args) ->
                self.checkUserdata(args, 1, Sleeper.class, "sleeper").wakeup(args.subargs(2))));
    }

    public LuaTable module() {
        LuaTable m = new LuaTable();
        m.set("spawn", LemFunction.direct("spawn", (self, args) -> {
            loop.spawn(self.checkFunction(args, 1), args.subargs(2));
            return LuaValue.TRUE;
        }));
        m.set("yield", new WaitingFunction("yield", loop) {
            @Override
            protected Varargs begin(Varargs args) {
                return loop.beginYield(NONE);
            }
        });
        m.set("suspend", new WaitingFunction("suspend", loop) {
            @Override
            protected Varargs begin(Varargs args) {
                return loop.beginWait(Wait.SUSPENDED);
            }
        });
        m.set("resume", LemFunction.direct("resume", (self, args) -> {
            LuaValue target = args.arg1();
            if (!target.isthread()) {
                throw self.typeError(args, 1, "thread");
            }
            if (!(target instanceof Task task) || task.waiting() != Wait.SUSPENDED) {
                throw self.argError(1, "coroutine is not suspended in utils.suspend()");
            }
            loop.wake(task, args.subargs(2));
            return LuaValue.NONE;
        }));
        m.set("thisthread", LemFunction.direct("thisthread", (self, args) -> loop.globals().running));
        m.set("newsleeper", LemFunction.direct("newsleeper", (self, args) ->
                new LuaUserdata(new Sleeper(loop), sleeperMeta)));
        m.set("now", LemFunction.direct("now", (self, args) -> LuaValue.valueOf(loop.now())));
        m.set("updatenow", LemFunction.direct("updatenow", (self, args) -> LuaValue.valueOf(loop.updateNow())));
        m.set("exit", new LemFunction("exit") {
            @Override
            public Varargs invoke(Varargs args) {
                double status = checkNumber(args, 1);
                loop.exit((int) status);
                return loop.await(EXITING);
            }
        });
        m.set("poolconfig", LemFunction.direct("poolconfig", (self, args) -> {
            int delay = self.checkIntInRange(args, 1, 0, Integer.MAX_VALUE);
            int min = self.checkIntInRange(args, 2, 0, Integer.MAX_VALUE);
            int max = self.checkIntInRange(args, 3, 1, Integer.MAX_VALUE);
            if (max < min) {
                throw self.argError(3, "not an integer in proper range");
            }
            pool.configure(delay, min, max);
            return LuaValue.NONE;
        }));
        return m;
    }
}
