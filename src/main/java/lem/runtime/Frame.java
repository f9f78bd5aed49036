package lem.runtime;

import lem.runtime.debug.LemDebugLib;
import lem.runtime.debug.LuaCallStack;
import lem.runtime.debug.ProtectedCalls;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.LuajAccess;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;

/**
 * One running Lua function: its registers, the instruction it is at, and where its results go
 * in the frame that called it. Frames link to their callers, so a chain of Lua calls needs no
 * Java recursion, and a suspended coroutine is just its top frame.
 */
final class Frame extends LuaCallStack.Frame {
    final Prototype p;
    /** The globals closures made here get (LuaJ's rule: those of the enclosing closure). */
    final Globals globals;
    /** Told of calls, instructions and returns; null for closures made without globals. */
    final LemDebugLib debug;
    /** The frame to return to: the run's exit frame ({@link #exit}) for the first one; null for that. */
    final Frame caller;
    /**
     * ANDed into the interpreter's slice budget when a frame is returned to: -1, or 0 for the
     * exit frame, whose results then end the slice like a spent budget and {@link #endsRun}
     * tells run. A branch on "the run is over" that compiled code met only when the first task
     * ended made C2 recompile the whole interpreter then.
     */
    final int budgetMask;
    /** The caller's registers for the results: from {@code resultA}, C - 1 of them (C = 0: all). */
    final int resultA;
    final int resultC;
    /** Set when a pcall or xpcall called this function: errors from here on inwards stop here. */
    ProtectedCalls.Protection protection;
    /** Captured registers, by register number; made when the first closure captures one. */
    UpValue[] openups;
    /** LuaJ's open results: registers up to {@code top} hold values, the last of them in {@code v}. */
    int top;
    Varargs v = LuaValue.NONE;

    private Frame(LuaClosure closure, LuaValue[] stack, Varargs varargs, Frame caller, int resultA, int resultC) {
        super(closure, stack, varargs);
        this.p = closure.p;
        this.globals = LuajAccess.globals(closure);
        this.debug = globals != null && globals.debuglib instanceof LemDebugLib lem ? lem : null;
        this.caller = caller;
        this.resultA = resultA;
        this.resultC = resultC;
        this.budgetMask = -1;
    }

    /**
     * The exit frame of a run: never executed, it receives the results of the run's first frame,
     * which {@link Interpreter#run} takes from it at once. So one per thread serves every run,
     * and a suspended coroutine, whose first frame returns to it, keeps no exit frame of its own.
     */
    private Frame() {
        super(null, NO_REGISTERS, LuaValue.NONE);
        this.p = null;
        this.globals = null;
        this.debug = null;
        this.caller = null;
        this.resultA = 0;
        this.resultC = 0;
        this.budgetMask = 0;
    }

    private static final LuaValue[] NO_REGISTERS = new LuaValue[0];
    private static final ThreadLocal<Frame> EXIT = ThreadLocal.withInitial(Frame::new);

    /** The first frame of a run, with registers and varargs already laid out (by LuaJ's call paths). */
    static Frame base(LuaClosure closure, LuaValue[] stack, Varargs varargs) {
        return new Frame(closure, stack, varargs, EXIT.get(), 0, 0);
    }

    /** The first frame of a coroutine's run, called with {@code args}. */
    static Frame first(LuaClosure closure, Varargs args) {
        return of(closure, args, EXIT.get(), 0, 0);
    }

    /** Whether this is a run's exit frame: the run is over, its results are {@link #v}. */
    boolean endsRun() {
        return budgetMask == 0;
    }

    /** The results an exit frame received, once: the frame keeps no reference to them. */
    Varargs takeResults() {
        Varargs results = v;
        v = LuaValue.NONE;
        return results;
    }

    /** A call whose arguments are {@code args}. */
    static Frame of(LuaClosure closure, Varargs args, Frame caller, int resultA, int resultC) {
        Prototype p = closure.p;
        LuaValue[] stack = new LuaValue[p.maxstacksize];
        int np = p.numparams;
        for (int j = 0; j < np; j++) {
            stack[j] = args.arg(j + 1);
        }
        Varargs varargs = p.is_vararg != 0 ? args.subargs(np + 1) : LuaValue.NONE;
        return new Frame(closure, stack, varargs, caller, resultA, resultC);
    }

    /** A call whose arguments are {@code n} registers of {@code from} starting at {@code first}, then {@code more}. */
    static Frame of(LuaClosure closure, LuaValue[] from, int first, int n, Varargs more, Frame caller, int resultA, int resultC) {
        Prototype p = closure.p;
        LuaValue[] stack = new LuaValue[p.maxstacksize];
        int np = p.numparams;
        int direct = Math.min(np, n);
        System.arraycopy(from, first, stack, 0, direct);
        for (int j = direct; j < np; j++) {
            stack[j] = more.arg(j - n + 1);
        }
        Varargs varargs = LuaValue.NONE;
        if (p.is_vararg != 0) {
            // copied: the caller's registers change once it runs on
            int extra = n - np;
            if (extra > 0) {
                LuaValue[] copy = new LuaValue[extra];
                System.arraycopy(from, first + np, copy, 0, extra);
                varargs = LuaValue.varargsOf(copy, more);
            } else {
                varargs = more.subargs(1 - extra);
            }
        }
        return new Frame(closure, stack, varargs, caller, resultA, resultC);
    }

    /** Whether a debug hook is set: the interpreter reports every instruction and call. */
    boolean tracing() {
        return debug != null && debug.tracing();
    }

    /** Reports the call to the debug library (which refuses calls deeper than its limit). */
    void enter() {
        if (debug != null) {
            debug.enter(this);
        }
    }

    /** The upvalue for register {@code index}, shared by every closure capturing it while it is open. */
    UpValue upvalue(int index) {
        if (openups == null) {
            openups = new UpValue[p.maxstacksize];
        }
        UpValue u = openups[index];
        if (u == null) {
            u = openups[index] = new UpValue(stack, index);
        }
        return u;
    }

    /** Closes the upvalues of registers {@code from} and up: closures keep the values, the registers move on. */
    void closeUpvalues(int from) {
        UpValue[] open = openups;
        if (open != null) {
            for (int r = from; r < open.length; r++) {
                if (open[r] != null) {
                    open[r].close();
                    open[r] = null;
                }
            }
        }
    }

    /** The function ends: its upvalues close and the debug library drops its frame. */
    void leave() {
        closeUpvalues(0);
        if (debug != null) {
            debug.onReturn();
        }
    }
}
