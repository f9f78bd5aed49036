package lem.runtime;

import org.luaj.vm2.Varargs;

/**
 * A call of a {@link WaitingFunction} from a coroutine's frames. When the function makes the
 * task wait, the coroutine (and every coroutine resuming it, up to the task) stops with this
 * call pending; the wake-up finishes it with the wake values.
 */
final class WaitingCall implements PendingCall {
    private final WaitingFunction function;
    private Varargs args;
    private Varargs result;

    WaitingCall(WaitingFunction function, Varargs args) {
        this.function = function;
        this.args = args;
    }

    @Override
    public boolean proceed() {
        if (args == null) {
            result = function.loop().takeWakeValues(); // the task was woken
            return true;
        }
        Varargs out = function.begin(args);
        args = null;
        if (function.loop().isWaiting(out)) {
            return false;
        }
        result = out;
        return true;
    }

    @Override
    public Varargs result() {
        return result;
    }

    @Override
    public boolean waitsForTask() {
        return true; // it stops only in a task wait
    }
}
