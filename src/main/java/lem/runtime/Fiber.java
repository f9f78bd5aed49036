package lem.runtime;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import org.luaj.vm2.LuaError;

/**
 * The only class that touches {@code jdk.internal.vm.Continuation}: a body that runs inline on
 * the calling thread and can suspend itself. Should the JDK ever close this door, this class is
 * what changes (to a virtual thread handing control back and forth).
 *
 * <p>Two scopes give lem its semantics: a plain {@code coroutine.yield} suspends up to the
 * innermost Lua coroutine, while a lem waiting call suspends the whole scheduler task, through
 * any Lua coroutines the task has resumed.
 */
final class Fiber {
    static final ContinuationScope TASK = new ContinuationScope("lem-task");
    static final ContinuationScope COROUTINE = new ContinuationScope("lua-coroutine");

    private final Continuation continuation;

    Fiber(ContinuationScope scope, Runnable body) {
        continuation = new Continuation(scope, body) {
            @Override
            protected void onPinned(Continuation.Pinned reason) {
                // A native frame (a class initialiser, a JNI call) or a held monitor is on the stack.
                throw new LuaError("attempt to yield across a C-call boundary");
            }
        };
    }

    /** Starts or continues the body on this thread; returns when it suspends or ends. */
    void run() {
        continuation.run();
    }

    boolean isDone() {
        return continuation.isDone();
    }

    /** Suspends the innermost running fiber of {@code scope}, with every fiber nested in it. */
    static void suspend(ContinuationScope scope) {
        Continuation.yield(scope);
    }
}
