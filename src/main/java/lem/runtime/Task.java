package lem.runtime;

import lem.runtime.debug.ErrorHooks;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A coroutine owned by the scheduler: the main chunk, each {@code utils.spawn}, each handler.
 * A lem waiting call suspends the whole task, even from inside Lua coroutines the task resumed;
 * {@link #innermost} remembers which of them was running, so the wake-up lands there again.
 */
public final class Task extends Coroutine {
    public final long id;
    public final long createdNanos = System.nanoTime();
    /** Where the task was spawned ("chunk:line"), when the shell watches tasks; else null. */
    private String origin;
    /** What the task waits for, or null while it is runnable or running. */
    Wait waiting;
    /** True while the task sits in the run queue. */
    boolean queued;
    LuaThread innermost = this;
    Varargs wakeValues = NONE;

    private final Fiber fiber = new Fiber(Fiber.TASK, this::body);

    Task(Globals globals, LuaValue function, long id) {
        super(globals, function);
        this.id = id;
    }

    private void body() {
        Varargs args = transfer;
        transfer = NONE;
        try {
            state.function.invoke(args);
        } catch (LuaError e) {
            failed(ErrorHooks.value(this, e), ErrorHooks.traceback(this, e));
        } catch (Throwable e) {
            // LuaJ wraps Java exceptions of Lua functions in LuaErrors; this came from Java code
            failed(ErrorHooks.javaFailure(e), null);
        }
    }

    /** The scheduler owns tasks: Lua code cannot resume one like a plain coroutine. */
    @Override
    public Varargs resume(Varargs args) {
        return varargsOf(FALSE, valueOf("cannot resume non-suspended coroutine"));
    }

    /** Runs the task until it next waits or ends (loop thread only). */
    void step(Varargs values) {
        if (state.status == STATUS_INITIAL) {
            transfer = values;
        } else {
            wakeValues = values;
        }
        if (innermost == this) {
            state.status = STATUS_RUNNING;
        }
        LuaThread loopThread = globals.running;
        globals.running = innermost;
        try {
            fiber.run();
        } finally {
            globals.running = loopThread;
        }
        if (fiber.isDone()) {
            state.status = STATUS_DEAD;
        } else if (innermost == this) {
            state.status = STATUS_SUSPENDED;
        }
    }

    public String origin() {
        return origin;
    }

    public void origin(String where) {
        origin = where;
    }

    public Wait waiting() {
        return waiting;
    }

    public boolean isQueued() {
        return queued;
    }
}
