package lem.runtime;

import lem.lib.LemFunction;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.LuajAccess;
import org.luaj.vm2.Varargs;

/**
 * What the interpreter calls rather than inlines (the launcher tells the JIT not to inline these
 * methods): its calls of Java functions and its work on value lists, whose kinds vary with the
 * Lua code that runs. Inlined into {@link Interpreter}'s one large method, they made its compile
 * larger, and what compiled code assumes from what it has seen (the kinds of function a call
 * reached, of value list a function returned, how many arguments calls passed) failed at moments
 * such as a client's first disconnect, which threw all of the interpreter's compiled code away
 * to be compiled again: 0.6 s of a core, with the interpreter running slower meanwhile. Here a
 * failed assumption recompiles one small method.
 */
final class Outlined {
    private Outlined() {
    }

    /** Calls Java function {@code fn} for its first result. */
    static LuaValue callForOne(LuaValue fn, Varargs args) {
        return fn.invoke(args).arg1();
    }

    /**
     * {@code x < y} (LT) or {@code x <= y} (LE), for two numbers or two strings. Inlined, the
     * comparison assumed the kinds of number it had seen: a server that had compared integers only
     * recompiled all of the interpreter when its deadline watcher first compared two times.
     */
    static boolean order(int op, LuaValue x, LuaValue y) {
        return op == Lua.OP_LT ? x.lt_b(y) : x.lteq_b(y);
    }

    /**
     * {@code #x} when no __len metamethod is in the way, else null. Inlined, a table's length
     * (its __len look-up and the border search) was about 1,000 bytes of the interpreter's
     * inlining budget, which C2 caps: what came later in the compile (upvalue access, table
     * stores) was left as calls.
     */
    static LuaValue plainLength(LuaValue x) {
        return PlainOps.length(x) ? x.len() : null;
    }

    /** Registers {@code first} to {@code first + n - 1}, not copied: the callee runs before they change. */
    static Varargs arguments(LuaValue[] stack, int first, int n) {
        return LuaValue.varargsOf(stack, first, n);
    }

    /** Registers from {@code first} up to {@code top}, the last of them the open results {@code v}. */
    static Varargs arguments(LuaValue[] stack, int first, int top, Varargs v) {
        return LuaValue.varargsOf(stack, first, top - v.narg() - first, v);
    }

    /** Functions the interpreter may call without a wrapper: they run no Lua code and do not suspend. */
    static boolean isDirect(LuaValue fn) {
        return fn instanceof LemFunction lem && lem.isDirect();
    }

    /**
     * {@code coroutine.yield} called from a coroutine's own frames suspends it with nothing but
     * the frame; at the root of a task it is a task wait ({@code utils.suspend}), which runs wrapped.
     */
    static boolean yieldsHere(LuaValue fn, Coroutine owner) {
        return fn instanceof YieldFunction && !(owner instanceof Task);
    }

    /** A Java function that may run Lua code or suspend, called from {@code owner}'s frames. */
    static PendingCall pending(Coroutine owner, LuaValue fn, Varargs args) {
        if (fn instanceof WaitingFunction waiting) {
            return new WaitingCall(waiting, args);
        }
        return fn instanceof ResumeFunction resume ? new NestedResume(resume, args) : new WrappedCall(owner, fn, args);
    }

    /**
     * What a slice that stops at frame {@code f} returns: the coroutine suspended in the call
     * {@link #finish} left it in, or else (a spent budget, the end of the run) where to go on.
     */
    static Varargs endSlice(Frame f, Coroutine owner) {
        PendingCall suspended = owner == null ? null : owner.takeSuspension();
        return suspended != null ? owner.suspendedIn(f, suspended) : new Interpreter.Again(f);
    }

    /**
     * Runs {@code call}, which frame {@code f} of coroutine {@code owner} made at its current
     * instruction: true when it finished and the instruction is complete, false when it
     * suspended the coroutine (kept for {@link #endSlice}: one value fewer for the
     * interpreter's loop to carry).
     */
    static boolean finish(PendingCall call, Frame f, Coroutine owner) {
        if (!call.proceed()) {
            owner.suspension = call;
            return false;
        }
        Interpreter.complete(f, call.result());
        return true;
    }

    /**
     * Calls Java function {@code fn} for the call instruction at register {@code a} of frame
     * {@code f} and puts its results where the instruction asks ({@code c} as in {@link #deliver}).
     */
    static void callInto(LuaValue fn, Varargs args, Frame f, int a, int c) {
        Varargs results = fn.invoke(args);
        deliver(c == 0 ? LuajAccess.dealias(results) : results, f, a, c);
    }

    /**
     * Puts a callee's results into its caller's registers from {@code a}: {@code c - 1} of them,
     * or for {@code c == 0} all of them as the caller's open results (its {@code top} and {@code v}).
     */
    static void deliver(Varargs results, Frame caller, int a, int c) {
        if (c > 0) {
            LuaValue[] stack = caller.stack;
            for (int j = 0; j < c - 1; j++) {
                stack[a + j] = results.arg(j + 1);
            }
            caller.v = LuaValue.NONE;
        } else {
            caller.top = a + results.narg();
            caller.v = results;
        }
    }

    /** R(a), ... up to {@code top}, the last of them being {@code v}: copied, the registers move on. */
    static Varargs openResults(LuaValue[] stack, int a, int top, Varargs v) {
        int n = top - v.narg() - a;
        return n == 0 ? v : LuaValue.varargsOf(java.util.Arrays.copyOfRange(stack, a, a + n), v);
    }

    /** How many values {@code v} holds. */
    static int count(Varargs v) {
        return v.narg();
    }
}
