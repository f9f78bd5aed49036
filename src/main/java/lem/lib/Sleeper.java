package lem.lib;

import java.time.Instant;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Timer;
import lem.runtime.Wait;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** A sleeper of {@code lem.utils}: at most one task sleeps on it; any task may wake it. */
final class Sleeper extends Wait {
    private static final Varargs TIMEOUT = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("timeout"));
    private static final Varargs BUSY = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("busy"));
    private static final Varargs NOT_SLEEPING = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("not sleeping"));

    private final Loop loop;
    private Task sleeping;
    private Timer timer;

    Sleeper(Loop loop) {
        this.loop = loop;
    }

    /**
     * Sleeps for {@code nanos} (0: just let the others run first; negative: until woken): returns
     * what {@link Loop#beginWait} returns, or the results when the call does not wait.
     */
    Varargs sleep(long nanos) {
        if (sleeping != null) {
            return BUSY;
        }
        if (nanos == 0) {
            return loop.beginYield(TIMEOUT);
        }
        Task task = loop.current();
        if (nanos > 0) {
            timer = loop.schedule(nanos, () -> {
                timer = null;
                sleeping = null;
                loop.wake(task, TIMEOUT);
            });
        }
        sleeping = task;
        return loop.beginWait(this);
    }

    Varargs wakeup(Varargs values) {
        if (sleeping == null) {
            return NOT_SLEEPING;
        }
        Task task = sleeping;
        cancel();
        loop.wake(task, values);
        return LuaValue.TRUE;
    }

    @Override
    public String describe() {
        if (timer == null) {
            return "sleep until woken";
        }
        long millis = Math.round(loop.toEpochSeconds(timer.deadline()) * 1000);
        return "sleep until " + Instant.ofEpochMilli(millis);
    }

    @Override
    public void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        sleeping = null;
    }
}
