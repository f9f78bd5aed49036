package lem.runtime;

import java.util.function.Supplier;
import org.luaj.vm2.Varargs;

/**
 * A call the interpreter makes on behalf of a coroutine when the call might suspend: a Java
 * function, or a metamethod reached by an instruction. It runs inside a short-lived fiber, so a
 * {@code coroutine.yield} deep inside it suspends only the fiber; the coroutine then suspends
 * at its own level, keeps the call, and runs it on when it is resumed.
 */
final class WrappedCall {
    private final Fiber fiber;
    private Varargs result;
    private Throwable failure;

    WrappedCall(Supplier<Varargs> call) {
        fiber = new Fiber(Fiber.COROUTINE, () -> {
            try {
                result = call.get();
            } catch (Throwable e) {
                failure = e; // rethrown outside the fiber, where the interpreter unwinds
            }
        });
    }

    /** Runs the call (on) for {@code owner}; true when it has finished. */
    boolean run(Coroutine owner) {
        owner.wrappersRunning++;
        try {
            fiber.run();
        } finally {
            owner.wrappersRunning--;
        }
        return fiber.isDone();
    }

    /** The results of a finished call; rethrows what it failed with. */
    Varargs result() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }
}
