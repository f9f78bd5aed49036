package lem.runtime;

import lem.runtime.debug.ErrorHooks;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A Lua coroutine run by lem's {@link Interpreter}: suspended, it is its top Lua frame (and,
 * when it stopped inside a call, the {@link PendingCall}: a {@link WrappedCall} holding the Java
 * frames of that one call, or a {@link NestedResume} of a coroutine stopped in a task wait). Resuming it runs the interpreter on from there, on the
 * loop thread; no thread and, for a yield from Lua code, no continuation. Status lives in
 * LuaJ's own {@code state.status} so that LuaJ's debug library sees what {@code coroutine.status} says.
 */
public class Coroutine extends LuaThread {
    /** Where the body stopped at interpreter level, or null. */
    Frame top;
    /** The call the body stopped in, or null. */
    PendingCall pending;
    /** The call that suspended the body, from then until the interpreter's slice ends. */
    PendingCall suspension;
    /** Values handed across a switch: arguments in, yielded or returned values out. */
    Varargs transfer = NONE;
    private boolean started;
    /** The error value the body ended with, or null. */
    private LuaValue failure;
    /** The traceback taken where that error was raised, or null. */
    private String failureTraceback;

    public Coroutine(Globals globals, LuaValue function) {
        super(globals, function);
    }

    /** Why this coroutine cannot be resumed now, or null when it can. */
    String resumeRefusal() {
        int status = state.status;
        if (status == STATUS_DEAD) {
            return "cannot resume dead coroutine";
        }
        if (status != STATUS_SUSPENDED && status != STATUS_INITIAL) {
            return "cannot resume non-suspended coroutine";
        }
        return null;
    }

    /**
     * Runs the body on with {@code args} as its input; returns what it yields or returns. When it
     * stops in a task wait the statuses stay as they are (this one running, its resumer normal)
     * until the task wakes and runs it on with another call.
     */
    final Varargs switchInto(Varargs args) {
        LuaThread caller = globals.running;
        caller.state.status = STATUS_NORMAL;
        state.status = STATUS_RUNNING;
        Varargs out = runBody(args);
        if (!waitsForTask()) {
            caller.state.status = STATUS_RUNNING;
            state.status = top == null && pending == null ? STATUS_DEAD : STATUS_SUSPENDED;
        }
        return out;
    }

    /** Runs the body on as the running coroutine until it yields, waits, ends or fails. */
    final Varargs runBody(Varargs args) {
        LuaThread caller = globals.running;
        globals.running = this;
        try {
            return continueBody(Values.copy(args));
        } catch (LuaError e) {
            failed(ErrorHooks.value(this, e), ErrorHooks.traceback(this, e));
        } catch (Throwable e) {
            // LuaJ wraps Java exceptions of Lua functions in LuaErrors; this came from Java code
            failed(ErrorHooks.javaFailure(e), null);
        } finally {
            globals.running = caller;
        }
        return NONE;
    }

    /** True while the body is stopped in a task wait rather than a yield. */
    final boolean waitsForTask() {
        return pending != null && pending.waitsForTask();
    }

    private Varargs continueBody(Varargs in) {
        Frame frame = top;
        PendingCall call = pending;
        top = null;
        pending = null;
        if (!started) {
            started = true;
            LuaValue body = state.function;
            if (body instanceof LuaClosure closure) {
                Frame first = Frame.first(closure, in);
                first.enter();
                return Interpreter.run(first, this, null, null);
            }
            call = new WrappedCall(this, body, in);
        }
        transfer = in;
        if (frame != null) {
            return call != null ? Interpreter.run(frame, this, call, null) : Interpreter.run(frame, this, null, in);
        }
        // the body is a Java function, running in its wrapped call
        if (!call.proceed()) {
            return suspendedIn(null, call);
        }
        return call.result();
    }

    /** The call that suspended the body in the slice now ending, or null; cleared. */
    final PendingCall takeSuspension() {
        PendingCall call = suspension;
        suspension = null;
        return call;
    }

    /** The body stops at {@code frame} (and inside {@code call}, if not null); returns what it yielded. */
    final Varargs suspendedIn(Frame frame, PendingCall call) {
        top = frame;
        pending = call.kept();
        Varargs out = transfer;
        transfer = NONE;
        return out;
    }

    /** {@code coroutine.yield} called from the body's own frame {@code frame}: nothing but the frame is kept. */
    final Varargs yieldHere(Frame frame, Varargs values) {
        top = frame;
        pending = null;
        return Values.copy(values);
    }

    /** {@code coroutine.yield} from a Java function or metamethod running in one of this coroutine's wrapped calls. */
    final Varargs yieldOut(Varargs values) {
        transfer = Values.copy(values);
        WrappedCall.suspendForYield(this);
        Varargs in = transfer;
        transfer = NONE;
        return in;
    }

    final void failed(LuaValue error, String traceback) {
        failure = error;
        failureTraceback = traceback;
        top = null;
        pending = null;
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
