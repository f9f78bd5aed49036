package lem.runtime;

import java.util.function.Supplier;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A call the interpreter makes on behalf of a coroutine when the call might suspend: a Java
 * function, or a metamethod reached by an instruction. It runs inside a short-lived fiber, so a
 * {@code coroutine.yield} or a lem waiting call deep inside it suspends only the fiber (the Java
 * frames of this one call); the coroutine then stops at its own level and keeps the call.
 */
final class WrappedCall extends Fiber implements PendingCall {
    private final Coroutine owner;
    /** The metamethod-reaching operation, or null for a call of {@code function}. */
    private final Supplier<Varargs> operation;
    private final LuaValue function;
    private final Varargs args;
    private Varargs result;
    private Throwable failure;
    private boolean waitsForTask;

    /** An instruction whose operands may call a metamethod. */
    WrappedCall(Coroutine owner, Supplier<Varargs> operation) {
        this.owner = owner;
        this.operation = operation;
        this.function = null;
        this.args = null;
    }

    /** A call of a Java function (no lambda in between: a waiting call's frames are what a task keeps). */
    WrappedCall(Coroutine owner, LuaValue function, Varargs args) {
        this.owner = owner;
        this.operation = null;
        this.function = function;
        this.args = args;
    }

    @Override
    public void run() {
        try {
            result = operation != null ? operation.get() : function.invoke(args);
        } catch (Throwable e) {
            failure = e; // rethrown outside the fiber, where the interpreter unwinds
        }
    }

    @Override
    public boolean proceed() {
        enter();
        return isDone();
    }

    @Override
    public Varargs result() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }

    @Override
    public boolean waitsForTask() {
        return waitsForTask;
    }

    /** {@code coroutine.yield} inside a call of {@code co}: suspends that call, which must be the innermost. */
    static void suspendForYield(Coroutine co) {
        if (!(Fiber.current() instanceof WrappedCall innermost) || innermost.owner != co) {
            throw new LuaError("attempt to yield across a C-call boundary");
        }
        Fiber.suspend();
    }

    /** A task wait: suspends the innermost wrapped call, whichever coroutine of the task it belongs to. */
    static void suspendForTask() {
        if (!(Fiber.current() instanceof WrappedCall innermost)) {
            throw new LuaError("attempt to yield across a C-call boundary");
        }
        innermost.waitsForTask = true;
        try {
            Fiber.suspend();
        } finally {
            innermost.waitsForTask = false;
        }
    }
}
