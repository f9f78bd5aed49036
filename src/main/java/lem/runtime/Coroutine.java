package lem.runtime;

import jdk.internal.vm.ContinuationScope;
import lem.runtime.debug.ErrorHooks;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A Lua coroutine that runs inline on the loop thread as a {@link Fiber}, instead of on the
 * platform thread LuaJ would give it. Status lives in LuaJ's own {@code state.status} so that
 * LuaJ's debug library sees the same thing as {@code coroutine.status}.
 */
public class Coroutine extends LuaThread {
    final Fiber fiber;
    /** Values handed across a switch: arguments in, yielded or returned values out. */
    Varargs transfer = NONE;
    /** The error value the body ended with, or null. */
    private LuaValue failure;
    /** The traceback taken where that error was raised, or null. */
    private String failureTraceback;

    public Coroutine(Globals globals, LuaValue function) {
        super(globals, function);
        fiber = new Fiber(scope(), this::body);
    }

    ContinuationScope scope() {
        return Fiber.COROUTINE;
    }

    private void body() {
        Varargs args = transfer;
        transfer = NONE;
        try {
            transfer = state.function.invoke(args);
        } catch (LuaError e) {
            failure = ErrorHooks.value(this, e);
            failureTraceback = ErrorHooks.traceback(this, e);
        } catch (Throwable e) {
            // LuaJ wraps Java exceptions of Lua functions in LuaErrors; this came from Java code
            failure = ErrorHooks.javaFailure(e);
        }
    }

    /** {@code coroutine.resume}: runs this coroutine until it yields or ends. */
    @Override
    public Varargs resume(Varargs args) {
        String refusal = resumeRefusal();
        if (refusal != null) {
            return varargsOf(FALSE, valueOf(refusal));
        }
        Varargs out = switchInto(args);
        if (failure != null) {
            return varargsOf(FALSE, failure);
        }
        return varargsOf(TRUE, out);
    }

    /** Why this coroutine cannot be resumed now, or null when it can. */
    final String resumeRefusal() {
        int status = state.status;
        if (status == STATUS_DEAD) {
            return "cannot resume dead coroutine";
        }
        if (status != STATUS_SUSPENDED && status != STATUS_INITIAL) {
            return "cannot resume non-suspended coroutine";
        }
        return null;
    }

    /** Runs the fiber with {@code args} as its input; returns what it yields or returns. */
    final Varargs switchInto(Varargs args) {
        LuaThread caller = globals.running;
        caller.state.status = STATUS_NORMAL;
        state.status = STATUS_RUNNING;
        globals.running = this;
        transfer = Values.copy(args);
        try {
            fiber.run();
        } finally {
            globals.running = caller;
            caller.state.status = STATUS_RUNNING;
        }
        state.status = fiber.isDone() ? STATUS_DEAD : STATUS_SUSPENDED;
        Varargs out = transfer;
        transfer = NONE;
        return out;
    }

    /** {@code coroutine.yield} from inside this coroutine: hands {@code values} to the resumer. */
    Varargs yieldOut(Varargs values) {
        transfer = Values.copy(values);
        Fiber.suspend(scope());
        Varargs in = transfer;
        transfer = NONE;
        return in;
    }

    public boolean failed() {
        return failure != null;
    }

    public LuaValue failure() {
        return failure;
    }

    /** The traceback taken where the error was raised, or null. */
    public String failureTraceback() {
        return failureTraceback;
    }

    public boolean isDead() {
        return state.status == STATUS_DEAD;
    }
}
