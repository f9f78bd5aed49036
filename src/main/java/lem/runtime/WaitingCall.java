package lem.runtime;

import org.luaj.vm2.Varargs;

/**
 * A call of a {@link WaitingFunction} from a coroutine's frames. When the function makes the
 * task wait, the coroutine (and every coroutine resuming it, up to the task) stops; what it keeps
 * is not this call but {@link #kept}: the wake-up finishes the call with the wake values.
 */
final class WaitingCall implements PendingCall {
    private final WaitingFunction function;
    private final Varargs args;
    private Varargs result;

    WaitingCall(WaitingFunction function, Varargs args) {
        this.function = function;
        this.args = args;
    }

    @Override
    public boolean proceed() {
        Varargs out = function.begin(args);
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

    /** What is left once the task waits, the same for every call: a suspended task keeps less. */
    @Override
    public PendingCall kept() {
        return function.loop().wokenCall();
    }

    /** The rest of a waiting call, once its task waits: its results are the task's wake values. */
    static final class Woken implements PendingCall {
        private final Loop loop;

        Woken(Loop loop) {
            this.loop = loop;
        }

        @Override
        public boolean proceed() {
            return true; // the task was woken
        }

        @Override
        public Varargs result() {
            return loop.takeWakeValues();
        }

        @Override
        public boolean waitsForTask() {
            return true;
        }
    }
}
