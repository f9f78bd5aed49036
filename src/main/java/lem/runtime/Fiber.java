package lem.runtime;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import org.luaj.vm2.LuaError;

/**
 * The only class that touches {@code jdk.internal.vm.Continuation}: a body that runs inline on
 * the calling thread and can suspend itself. Should the JDK ever close this door, this class is
 * what changes (to a virtual thread handing control back and forth).
 *
 * <p>All fibers share one scope, so a suspension always stops the innermost running fiber; the
 * fiber's owner decides what that stop means (a coroutine yield, a task wait).
 */
abstract class Fiber implements Runnable {
    private static final ContinuationScope SCOPE = new ContinuationScope("lem-call");

    private final Continuation continuation = new Carrier(this);

    /** The body: what runs inside the fiber (the continuation runs it without a lambda in between). */
    @Override
    public abstract void run();

    /** Starts or continues the body on this thread; returns when it suspends or ends. */
    final void enter() {
        continuation.run();
    }

    final boolean isDone() {
        return continuation.isDone();
    }

    /** The innermost fiber running on this thread, or null. */
    static Fiber current() {
        return Continuation.getCurrentContinuation(SCOPE) instanceof Carrier carrier ? carrier.fiber : null;
    }

    /** Suspends the innermost running fiber; returns when it is run on. */
    static void suspend() {
        Continuation.yield(SCOPE);
    }

    private static final class Carrier extends Continuation {
        final Fiber fiber;

        Carrier(Fiber fiber) {
            super(SCOPE, fiber);
            this.fiber = fiber;
        }

        @Override
        protected void onPinned(Continuation.Pinned reason) {
            // A native frame (a class initialiser, a JNI call) or a held monitor is on the stack.
            throw new LuaError("attempt to yield across a C-call boundary");
        }
    }
}
