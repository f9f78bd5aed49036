package lem.runtime;

import lem.lib.LemFunction;
import org.luaj.vm2.Varargs;

/**
 * {@code coroutine.resume} and the functions {@code coroutine.wrap} makes. The coroutine they run
 * may stop in a task wait (a lem waiting call inside a {@code wrap} iterator); then their caller
 * stops with it, and the task's wake-up runs the same coroutine on rather than resuming it anew.
 * The interpreter calls them as a {@link NestedResume} its coroutine can keep; Java callers get
 * {@link #invoke}, which waits inside the caller's own wrapped call.
 */
abstract class ResumeFunction extends LemFunction {
    ResumeFunction(String name) {
        super(name); // not direct: the coroutine it runs may stop the caller in a task wait
    }

    /** The coroutine the call runs (checks the arguments); null when the thread is none of lem's. */
    abstract Coroutine target(Varargs args);

    /** The values the coroutine is resumed with. */
    abstract Varargs input(Varargs args);

    /** The call's results when the coroutine cannot be resumed. */
    abstract Varargs refused(String refusal);

    /** The call's results once {@code co} yielded {@code out}, returned it, or failed. */
    abstract Varargs finished(Coroutine co, Varargs out);

    @Override
    public Varargs invoke(Varargs args) {
        NestedResume call = new NestedResume(this, args);
        while (!call.proceed()) {
            WrappedCall.suspendForTask();
        }
        return call.result();
    }
}
