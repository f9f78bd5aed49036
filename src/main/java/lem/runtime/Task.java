package lem.runtime;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A coroutine owned by the scheduler: the main chunk, each {@code utils.spawn}, each handler.
 * Like any coroutine it is run by the interpreter and, suspended, is its top frame and pending
 * call. A lem waiting call suspends the whole task, even from inside Lua coroutines the task
 * resumed: each of them stops in its pending call, and the wake-up runs them on in turn.
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
    /** The arguments of the first step, then what the waiting call returns when the task wakes. */
    Varargs wakeValues = NONE;

    Task(Globals globals, LuaValue function, long id) {
        super(globals, function);
        this.id = id;
    }

    /** The scheduler owns tasks: Lua code cannot resume one like a plain coroutine. */
    @Override
    String resumeRefusal() {
        return "cannot resume non-suspended coroutine";
    }

    /** Runs the task until it next waits or ends (loop thread only). */
    void step() {
        Varargs args = NONE;
        if (state.status == STATUS_INITIAL) {
            args = wakeValues;
            wakeValues = NONE;
        }
        if (state.status != STATUS_NORMAL) {
            state.status = STATUS_RUNNING; // normal: it waits inside a coroutine it resumed, which runs on
        }
        runBody(args);
        if (top == null && pending == null) {
            state.status = STATUS_DEAD;
        } else if (state.status == STATUS_RUNNING) {
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
