package lem.runtime;

import org.luaj.vm2.Varargs;

/**
 * A call a coroutine's frame made that stopped before finishing: the coroutine keeps it below its
 * top frame and runs it on first when it is resumed (or, for a task wait, when its task wakes).
 */
interface PendingCall {
    /** Starts or continues the call; true when it has finished. */
    boolean proceed();

    /** The results of the finished call; rethrows what it failed with. */
    Varargs result();

    /** True while the call is stopped in a task wait (the whole task stops), false for a coroutine yield. */
    boolean waitsForTask();

    /** What the coroutine keeps while the call is stopped: the call, or what is left of it to do. */
    default PendingCall kept() {
        return this;
    }
}
