package lem.runtime;

import lem.runtime.debug.ErrorHooks;
import lem.runtime.debug.ProtectedCalls;
import org.luaj.vm2.Buffer;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaInteger;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.LuajAccess;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Upvaldesc;
import org.luaj.vm2.Varargs;

/**
 * lem's interpreter of Lua 5.2 bytecode (LuaJ's {@link Prototype}s, LuaJ's instruction semantics).
 * Lua functions calling Lua functions push and pop {@link Frame}s instead of recursing in Java,
 * so a run of Lua code is one Java method however deep its Lua calls go. The build makes
 * {@code LuaClosure.execute} call {@link #execute}: every Lua function runs here, whether
 * called from Lua or from Java (a metamethod, pcall, a task's body).
 */
public final class Interpreter {
    private static final LuaValue CALL = LuaValue.valueOf("__call");

    private Interpreter() {
    }

    /** Runs {@code closure} with registers and varargs as LuaJ's call paths laid them out. */
    public static Varargs execute(LuaClosure closure, LuaValue[] stack, Varargs varargs) {
        Frame base = Frame.base(closure, stack, varargs);
        base.enter();
        return run(base, null, null, null);
    }

    /**
     * Runs from frame {@code f} until the bottom frame of its chain returns; returns its results.
     * When the chain is the body of coroutine {@code owner} (else null), the run can stop
     * half-way: a {@code coroutine.yield} called from its frames, or a call that suspended in
     * its {@link WrappedCall}, leaves the place in {@code owner} and returns the yielded values.
     * To go on from there, pass the wrapped call to run on ({@code pending}) or the values the
     * suspended instruction receives ({@code resumed}).
     */
    static Varargs run(Frame f, Coroutine owner, PendingCall pending, Varargs resumed) {
        // finishing the instruction a coroutine stopped at is done here, not in slice: a branch
        // that slice's compiled code has not taken yet costs a recompilation of all of it
        if (pending != null || resumed != null) {
            try {
                if (pending != null) {
                    if (!pending.proceed()) {
                        return owner.suspendedIn(f, pending);
                    }
                    complete(f, pending.result());
                } else {
                    complete(f, resumed);
                }
            } catch (Throwable e) {
                f = caught(f, f.pc, e, owner);
            }
        }
        Varargs out = slice(f, owner);
        while (out instanceof Again again) {
            if (again.frame.endsRun()) {
                return again.frame.takeResults();
            }
            out = slice(again.frame, owner);
        }
        return out;
    }

    /**
     * Lua calls, jumps and loop turns a slice makes before it returns to {@link #run}, which starts
     * the next one where it stopped. A long loop thus re-enters the interpreter often, and the
     * JIT's compiled {@link #slice} takes over at once; the launcher turns on-stack replacement
     * off, so C2 compiles this large method once per profile instead of a second time for each
     * loop entry (those compiles took a second of a 2-core machine's first seconds), and a
     * main chunk's loop is not stuck in code compiled for the mix of work it saw first.
     */
    private static final int SLICE = 256;

    /** What a slice returns when its budget is spent: the frame to go on from (at its pc + 1). */
    static final class Again extends Varargs {
        final Frame frame;

        Again(Frame frame) {
            this.frame = frame;
        }

        @Override
        public LuaValue arg(int i) {
            throw new IllegalStateException();
        }

        @Override
        public int narg() {
            throw new IllegalStateException();
        }

        @Override
        public LuaValue arg1() {
            throw new IllegalStateException();
        }

        @Override
        public Varargs subargs(int start) {
            throw new IllegalStateException();
        }
    }

    /** {@link #run}'s work, up to {@link #SLICE} Lua calls, jumps and loop turns. */
    private static Varargs slice(Frame f, Coroutine owner) {
        int budget = SLICE;
        for (;;) { // once more after a protected call caught an error
            try {
                if (f.debug != null) {
                    f.debug.stopIfInterrupted(); // once a slice: reading the volatile flag per instruction cost ~10%
                }
                frames:
                for (;;) {
                    // The slice ends here when its budget is spent, when the exit frame was returned to
                    // and when a call suspended: so every server and task runs this branch often,
                    // and the JIT compiles it (a branch it had not seen taken, first taken when a
                    // task ended, recompiled all of the interpreter).
                    if (--budget <= 0) {
                        return Outlined.endSlice(f, owner);
                    }
                    // (re)load the running frame into locals
                    final LuaValue[] stack = f.stack;
                    final int[] code = f.p.code;
                    final LuaValue[] k = f.p.k;
                    final UpValue[] upValues = f.closure.upValues;
                    int pc = f.pc + 1;
                    Varargs results;
                    instructions:
                    for (;; ++pc) {
                        if (f.tracing()) { // read from the frame: a register fewer for the loop to carry
                            f.debug.onInstruction(pc, f.v, f.top); // which moves f.pc on
                        } else {
                            f.pc = pc; // where tracebacks and error messages find it
                        }
                        final int i = code[pc];
                        // Each case decodes its operands from x, the instruction less its own
                        // opcode: a value no other case computes. Decoded from i itself, the
                        // fields that cases share were computed before the switch, for every
                        // instruction, and spilled (about half of the interpreter's own time
                        // under an HTTP load went there). Written out: helper methods stayed calls.
                        int x;
                        int a;
                        int b;
                        int c;
                        LuaValue o;
                        PendingCall call;
                        switch (i & 0x3f) {
                            case Lua.OP_MOVE:
                                x = i - Lua.OP_MOVE;
                                stack[(x >> 6) & 0xff] = stack[x >>> 23];
                                continue;
                            case Lua.OP_LOADK:
                                x = i - Lua.OP_LOADK;
                                stack[(x >> 6) & 0xff] = k[x >>> 14];
                                continue;
                            case Lua.OP_LOADBOOL:
                                x = i - Lua.OP_LOADBOOL;
                                stack[(x >> 6) & 0xff] = (x >>> 23) != 0 ? LuaValue.TRUE : LuaValue.FALSE;
                                if (((x >> 14) & 0x1ff) != 0) {
                                    ++pc;
                                }
                                continue;
                            case Lua.OP_LOADNIL:
                                x = i - Lua.OP_LOADNIL;
                                a = (x >> 6) & 0xff;
                                java.util.Arrays.fill(stack, a, a + (x >>> 23) + 1, LuaValue.NIL);
                                continue;
                            case Lua.OP_GETUPVAL:
                                x = i - Lua.OP_GETUPVAL;
                                stack[(x >> 6) & 0xff] = upValues[x >>> 23].getValue();
                                continue;
                            case Lua.OP_GETTABUP:
                            case Lua.OP_GETTABLE:
                            case Lua.OP_SELF: {
                                int op = i & 0x3f;
                                x = i - Lua.OP_GETTABUP; // the lowest of the three: the fields stay as they are
                                a = (x >> 6) & 0xff;
                                LuaValue t = op == Lua.OP_GETTABUP ? upValues[x >>> 23].getValue() : stack[x >>> 23];
                                LuaValue key = (c = (x >> 14) & 0x1ff) > 0xff ? k[c & 0xff] : stack[c];
                                if (op == Lua.OP_SELF) {
                                    stack[a + 1] = t;
                                }
                                LuaValue got = PlainOps.get(t, key);
                                if (got != null) {
                                    stack[a] = got;
                                    continue;
                                }
                                if (owner == null) {
                                    stack[a] = t.get(key);
                                    continue;
                                }
                                call = metamethodCall(owner, i, t, key, null, null);
                                break;
                            }
                            case Lua.OP_SETTABUP:
                            case Lua.OP_SETTABLE: {
                                x = i - Lua.OP_SETTABUP;
                                a = (x >> 6) & 0xff;
                                LuaValue t = (i & 0x3f) == Lua.OP_SETTABUP ? upValues[a].getValue() : stack[a];
                                LuaValue key = (b = x >>> 23) > 0xff ? k[b & 0xff] : stack[b];
                                LuaValue value = (c = (x >> 14) & 0x1ff) > 0xff ? k[c & 0xff] : stack[c];
                                if (PlainOps.set(t, key, value)) {
                                    continue;
                                }
                                if (owner == null) {
                                    t.set(key, value);
                                    continue;
                                }
                                call = metamethodCall(owner, i, t, key, value, null);
                                break;
                            }
                            case Lua.OP_SETUPVAL:
                                x = i - Lua.OP_SETUPVAL;
                                upValues[x >>> 23].setValue(stack[(x >> 6) & 0xff]);
                                continue;
                            case Lua.OP_NEWTABLE:
                                x = i - Lua.OP_NEWTABLE;
                                stack[(x >> 6) & 0xff] = new LuaTable(x >>> 23, (x >> 14) & 0x1ff);
                                continue;
                            case Lua.OP_ADD:
                            case Lua.OP_SUB:
                            case Lua.OP_MUL:
                            case Lua.OP_DIV:
                            case Lua.OP_MOD:
                            case Lua.OP_POW: {
                                int op = i & 0x3f;
                                x = i - Lua.OP_ADD;
                                LuaValue y = (b = x >>> 23) > 0xff ? k[b & 0xff] : stack[b];
                                LuaValue z = (c = (x >> 14) & 0x1ff) > 0xff ? k[c & 0xff] : stack[c];
                                if (owner == null || PlainOps.arithmetic(y, z)) {
                                    stack[(x >> 6) & 0xff] = arithmetic(op, y, z);
                                    continue;
                                }
                                call = metamethodCall(owner, i, y, z, null, null);
                                break;
                            }
                            case Lua.OP_UNM: {
                                x = i - Lua.OP_UNM;
                                LuaValue y = stack[x >>> 23];
                                if (owner == null || PlainOps.number(y)) {
                                    stack[(x >> 6) & 0xff] = y.neg();
                                    continue;
                                }
                                call = metamethodCall(owner, i, y, null, null, null);
                                break;
                            }
                            case Lua.OP_NOT:
                                x = i - Lua.OP_NOT;
                                stack[(x >> 6) & 0xff] = stack[x >>> 23].not();
                                continue;
                            case Lua.OP_LEN: {
                                x = i - Lua.OP_LEN;
                                LuaValue y = stack[x >>> 23];
                                LuaValue n = owner == null ? y.len() : Outlined.plainLength(y);
                                if (n != null) {
                                    stack[(x >> 6) & 0xff] = n;
                                    continue;
                                }
                                call = metamethodCall(owner, i, y, null, null, null);
                                break;
                            }
                            case Lua.OP_CONCAT: {
                                x = i - Lua.OP_CONCAT;
                                int first = x >>> 23;
                                int last = (x >> 14) & 0x1ff;
                                if (owner == null || PlainOps.concatenation(stack, first, last)) {
                                    stack[(x >> 6) & 0xff] = concatenation(stack, first, last);
                                    continue;
                                }
                                call = metamethodCall(owner, i, null, null, null, stack);
                                break;
                            }
                            case Lua.OP_JMP:
                                x = i - Lua.OP_JMP;
                                pc += (x >>> 14) - 0x1ffff;
                                if ((a = (x >> 6) & 0xff) > 0) {
                                    f.closeUpvalues(a - 1);
                                }
                                if (--budget == 0) { // forward jumps count too: no branch on the direction
                                    return pause(f, pc);
                                }
                                continue;
                            case Lua.OP_EQ:
                            case Lua.OP_LT:
                            case Lua.OP_LE: {
                                int op = i & 0x3f;
                                x = i - Lua.OP_EQ;
                                LuaValue y = (b = x >>> 23) > 0xff ? k[b & 0xff] : stack[b];
                                LuaValue z = (c = (x >> 14) & 0x1ff) > 0xff ? k[c & 0xff] : stack[c];
                                if (owner == null || (op == Lua.OP_EQ ? PlainOps.equality(y, z) : PlainOps.order(y, z))) {
                                    if (comparison(op, y, z) != (((x >> 6) & 0xff) != 0)) {
                                        ++pc;
                                    }
                                    continue;
                                }
                                call = metamethodCall(owner, i, y, z, null, null);
                                break;
                            }
                            case Lua.OP_TEST:
                                x = i - Lua.OP_TEST;
                                if (PlainOps.truthy(stack[(x >> 6) & 0xff]) != (((x >> 14) & 0x1ff) != 0)) {
                                    ++pc;
                                }
                                continue;
                            case Lua.OP_TESTSET:
                                x = i - Lua.OP_TESTSET;
                                if (PlainOps.truthy(o = stack[x >>> 23]) != (((x >> 14) & 0x1ff) != 0)) {
                                    ++pc;
                                } else {
                                    stack[(x >> 6) & 0xff] = o;
                                }
                                continue;
                            case Lua.OP_CALL: {
                                x = i - Lua.OP_CALL;
                                a = (x >> 6) & 0xff;
                                b = x >>> 23;
                                c = (x >> 14) & 0x1ff;
                                LuaValue fn = stack[a];
                                if (fn instanceof LuaClosure closure) {
                                    Frame callee = b > 0
                                            ? Frame.of(closure, stack, a + 1, b - 1, LuaValue.NONE, f, a, c)
                                            : Frame.of(closure, stack, a + 1, f.top - Outlined.count(f.v) - (a + 1), f.v, f, a, c);
                                    callee.enter();
                                    f.pc = pc;
                                    f = callee;
                                    continue frames;
                                }
                                if (owner != null && fn instanceof ProtectedCalls.Catcher catcher) {
                                    int n = b > 0 ? b - 1 : f.top - Outlined.count(f.v) - (a + 1); // arguments in registers
                                    int skip = catcher.leadingArguments();
                                    if (n >= skip && stack[a + 1] instanceof LuaClosure target) {
                                        Frame callee = protectedCall(catcher, target, f, a, c, n - skip, b > 0 ? LuaValue.NONE : f.v);
                                        if (callee != null) {
                                            f.pc = pc;
                                            f = callee;
                                            continue frames;
                                        }
                                        continue; // it failed before the function ran: its results are delivered
                                    }
                                }
                                boolean direct = owner == null || Outlined.isDirect(fn);
                                if (f.tracing()) {
                                    fn = f.debug.withCallHooks(fn);
                                }
                                if (direct && c == 2 && b > 0 && b < 4) {
                                    stack[a] = Outlined.callForOne(fn, b == 1 ? LuaValue.NONE : b == 2 ? stack[a + 1] : LuaValue.varargsOf(stack[a + 1], stack[a + 2]));
                                    continue;
                                }
                                Varargs args = b > 0 ? Outlined.arguments(stack, a + 1, b - 1) : Outlined.arguments(stack, a + 1, f.top, f.v);
                                if (!(fn instanceof LuaFunction) && fn.metatag(CALL) instanceof LuaClosure handler) {
                                    // a callable value whose __call is Lua: one more frame, self first
                                    Frame callee = Frame.of(handler, LuaValue.varargsOf(fn, args), f, a, c);
                                    callee.enter();
                                    f.pc = pc;
                                    f = callee;
                                    continue frames;
                                }
                                if (!direct) {
                                    if (Outlined.yieldsHere(fn, owner)) {
                                        f.pc = pc;
                                        return owner.yieldHere(f, args);
                                    }
                                    call = Outlined.pending(owner, fn, args);
                                    break;
                                }
                                Outlined.callInto(fn, args, f, a, c);
                                continue;
                            }
                            case Lua.OP_TAILCALL: {
                                x = i - Lua.OP_TAILCALL;
                                a = (x >> 6) & 0xff;
                                b = x >>> 23;
                                LuaValue fn = stack[a];
                                Varargs args = b > 0 ? Outlined.arguments(stack, a + 1, b - 1) : Outlined.arguments(stack, a + 1, f.top, f.v);
                                LuaClosure target = fn instanceof LuaClosure closure ? closure : null;
                                if (target == null && !(fn instanceof LuaFunction)) {
                                    LuaValue handler = fn.metatag(CALL);
                                    if (!handler.isfunction()) {
                                        // fails here, inside the caller, with its position and the callee's name
                                        throw new LuaError("attempt to call " + fn.typename());
                                    }
                                    if (handler instanceof LuaClosure closure) {
                                        target = closure;
                                        args = LuaValue.varargsOf(fn, args);
                                    }
                                }
                                if (target == null) {
                                    // A Java function runs inside the caller, as Lua runs a C function in a tail call;
                                    // its results are open results for the RETURN A 0 that follows every TAILCALL.
                                    if (f.tracing()) {
                                        fn = f.debug.withCallHooks(fn);
                                    }
                                    if (owner != null && !Outlined.isDirect(fn)) {
                                        if (Outlined.yieldsHere(fn, owner)) {
                                            f.pc = pc;
                                            return owner.yieldHere(f, args);
                                        }
                                        call = Outlined.pending(owner, fn, args);
                                        break;
                                    }
                                    Outlined.callInto(fn, args, f, a, 0);
                                    continue;
                                }
                                // the callee takes the caller's place: the caller leaves before the callee enters
                                Frame callee = Frame.of(target, args, f.caller, f.resultA, f.resultC);
                                callee.protection = f.protection;
                                Frame leaving = f;
                                f = f.caller;
                                leaving.leave();
                                callee.enter();
                                f = callee;
                                continue frames;
                            }
                            case Lua.OP_RETURN:
                                x = i - Lua.OP_RETURN;
                                a = (x >> 6) & 0xff;
                                b = x >>> 23;
                                results = switch (b) {
                                    case 0 -> Outlined.openResults(stack, a, f.top, f.v);
                                    case 1 -> LuaValue.NONE;
                                    case 2 -> stack[a];
                                    default -> LuaValue.varargsOf(java.util.Arrays.copyOfRange(stack, a, a + b - 1));
                                };
                                break instructions;
                            case Lua.OP_FORLOOP: {
                                x = i - Lua.OP_FORLOOP;
                                a = (x >> 6) & 0xff;
                                LuaValue limit = stack[a + 1];
                                LuaValue step = stack[a + 2];
                                LuaValue idx = step.add(stack[a]);
                                if (step.gt_b(0) ? idx.lteq_b(limit) : idx.gteq_b(limit)) {
                                    stack[a] = idx;
                                    stack[a + 3] = idx;
                                    pc += (x >>> 14) - 0x1ffff;
                                    if (--budget == 0) {
                                        return pause(f, pc);
                                    }
                                }
                                continue;
                            }
                            case Lua.OP_FORPREP:
                                x = i - Lua.OP_FORPREP;
                                forPrep(stack, (x >> 6) & 0xff);
                                pc += (x >>> 14) - 0x1ffff;
                                continue;
                            case Lua.OP_TFORCALL: {
                                x = i - Lua.OP_TFORCALL;
                                a = (x >> 6) & 0xff;
                                c = (x >> 14) & 0x1ff;
                                LuaValue fn = stack[a];
                                if (fn instanceof LuaClosure closure) {
                                    Frame callee = Frame.of(closure, stack, a + 1, 2, LuaValue.NONE, f, a + 3, c + 1);
                                    callee.enter();
                                    f.pc = pc;
                                    f = callee;
                                    continue frames;
                                }
                                if (f.tracing()) {
                                    fn = f.debug.withCallHooks(fn);
                                }
                                if (owner != null && !Outlined.isDirect(fn)) {
                                    Varargs args = LuaValue.varargsOf(stack[a + 1], stack[a + 2]);
                                    call = Outlined.pending(owner, fn, args);
                                    break;
                                }
                                Outlined.callInto(fn, LuaValue.varargsOf(stack[a + 1], stack[a + 2]), f, a + 3, c + 1);
                                f.v = LuaValue.NONE;
                                continue;
                            }
                            case Lua.OP_TFORLOOP:
                                x = i - Lua.OP_TFORLOOP;
                                a = (x >> 6) & 0xff;
                                if (!stack[a + 1].isnil()) {
                                    stack[a] = stack[a + 1];
                                    pc += (x >>> 14) - 0x1ffff;
                                    if (--budget == 0) {
                                        return pause(f, pc);
                                    }
                                }
                                continue;
                            case Lua.OP_SETLIST:
                                x = i - Lua.OP_SETLIST;
                                if ((c = (x >> 14) & 0x1ff) == 0) {
                                    c = code[++pc];
                                }
                                setList(stack, (x >> 6) & 0xff, x >>> 23, c, f.top, f.v);
                                continue;
                            case Lua.OP_CLOSURE:
                                x = i - Lua.OP_CLOSURE;
                                stack[(x >> 6) & 0xff] = closure(f, f.p.p[x >>> 14], upValues);
                                continue;
                            case Lua.OP_VARARG:
                                x = i - Lua.OP_VARARG;
                                a = (x >> 6) & 0xff;
                                b = x >>> 23;
                                if (b == 0) {
                                    f.top = a + f.varargs.narg();
                                    f.v = f.varargs;
                                } else {
                                    for (int j = 1; j < b; ++j) {
                                        stack[a + j - 1] = f.varargs.arg(j);
                                    }
                                }
                                continue;
                            default:
                                throw new IllegalArgumentException("Illegal opcode: " + (i & 0x3f));
                        }
                        // In a coroutine's own frames, what may run Lua code or suspend runs as a pending call.
                        f.pc = pc;
                        if (!Outlined.finish(call, f, owner)) {
                            budget = 0;
                        }
                        continue frames;
                    }
                    // frame f returns: its results go to its caller (the exit frame for the first one)
                    Frame leaving = f;
                    f = f.caller;
                    if (leaving.protection != null) {
                        results = leaving.protection.returned(results);
                    }
                    leaving.leave();
                    Outlined.deliver(results, f, leaving.resultA, leaving.resultC);
                    budget &= f.budgetMask;
                }
            } catch (Throwable e) {
                f = caught(f, f.pc, e, owner);
            }
        }
    }

    /**
     * pcall or xpcall of Lua function {@code target} from register {@code a} of frame
     * {@code caller}: the function's frame, which the error of any frame inside it stops at. Null
     * when the call failed before the function ran (too deep, a call hook's error): its results
     * are then in the caller's registers.
     */
    private static Frame protectedCall(ProtectedCalls.Catcher catcher, LuaClosure target, Frame caller, int a, int c,
            int n, Varargs more) {
        LuaValue handler = catcher.leadingArguments() > 1 ? caller.stack[a + 2] : LuaValue.NIL; // xpcall's
        ProtectedCalls.Protection protection = catcher.protect(target, handler);
        try {
            Frame callee = Frame.of(target, caller.stack, a + 1 + catcher.leadingArguments(), n, more, caller, a, c);
            callee.protection = protection;
            callee.enter();
            return callee;
        } catch (RuntimeException | VirtualMachineError e) {
            Outlined.deliver(protection.failed(e), caller, a, c);
            return null;
        }
    }

    /**
     * Error {@code e}, raised at instruction {@code pc} of frame {@code f}, stops at the innermost
     * protected frame of the run: the frames inside it leave, and its caller, returned to, is
     * where the run goes on. Without one (or outside a coroutine's frames) the error leaves the run.
     */
    private static Frame caught(Frame f, int pc, Throwable e, Coroutine owner) {
        boolean catchable = e instanceof RuntimeException || e instanceof VirtualMachineError; // as pcall catches
        Frame protectedFrame = owner == null || !catchable ? null : f;
        while (protectedFrame != null && protectedFrame.protection == null) {
            protectedFrame = protectedFrame.caller;
        }
        if (protectedFrame == null) {
            throw rethrown(unwind(f, pc, e));
        }
        Throwable thrown = unwind(f, pc, e, protectedFrame.caller);
        Frame caller = protectedFrame.caller;
        Outlined.deliver(protectedFrame.protection.failed(thrown), caller, protectedFrame.resultA, protectedFrame.resultC);
        return caller;
    }

    /** {@code thrown} as it is, to throw: a Lua error or other unchecked exception, or a Java error. */
    private static RuntimeException rethrown(Throwable thrown) {
        if (thrown instanceof RuntimeException unchecked) {
            return unchecked;
        }
        throw (Error) thrown;
    }

    /** Ends a slice at instruction {@code pc} of frame {@code f}. */
    private static Varargs pause(Frame f, int pc) {
        f.pc = pc;
        return new Again(f);
    }

    /**
     * The pending call for instruction {@code i}, whose operands {@code x}, {@code y} (and the
     * stored {@code value}, or the {@code stack} of a CONCAT) may run a metamethod. Out of
     * {@link #run} on purpose: with these allocation sites inside it, C2's escape analysis
     * took seconds over run, and servers ran interpreted code that long.
     */
    private static PendingCall metamethodCall(Coroutine owner, int i, LuaValue x, LuaValue y, LuaValue value, LuaValue[] stack) {
        int op = i & 0x3f;
        return new WrappedCall(owner, switch (op) {
            case Lua.OP_GETTABUP, Lua.OP_GETTABLE, Lua.OP_SELF -> () -> x.get(y);
            case Lua.OP_SETTABUP, Lua.OP_SETTABLE -> () -> {
                x.set(y, value);
                return LuaValue.NONE;
            };
            case Lua.OP_UNM -> x::neg;
            case Lua.OP_LEN -> x::len;
            case Lua.OP_CONCAT -> () -> concatenation(stack, i >>> 23, (i >> 14) & 0x1ff);
            case Lua.OP_EQ, Lua.OP_LT, Lua.OP_LE -> () -> LuaValue.valueOf(comparison(op, x, y));
            default -> () -> arithmetic(op, x, y);
        });
    }

    // Instructions run once per loop, table constructor or closure: kept out of run, whose size
    // decides how soon the JIT compiles it.

    private static void forPrep(LuaValue[] stack, int a) {
        LuaValue init = stack[a].checknumber("'for' initial value must be a number");
        LuaValue limit = stack[a + 1].checknumber("'for' limit must be a number");
        LuaValue step = stack[a + 2].checknumber("'for' step must be a number");
        stack[a] = init.sub(step);
        stack[a + 1] = limit;
        stack[a + 2] = step;
    }

    /** SETLIST: R(a)[(c-1)*FPF+j] = R(a+j), 1 <= j <= b (b = 0: up to top, the last values in v). */
    private static void setList(LuaValue[] stack, int a, int b, int c, int top, Varargs v) {
        int offset = (c - 1) * Lua.LFIELDS_PER_FLUSH;
        LuaValue o = stack[a];
        if (b == 0) {
            b = top - a - 1;
            int m = b - v.narg();
            int j = 1;
            for (; j <= m; j++) {
                o.set(offset + j, stack[a + j]);
            }
            for (; j <= b; j++) {
                o.set(offset + j, v.arg(j - m));
            }
        } else {
            o.presize(offset + b);
            for (int j = 1; j <= b; j++) {
                o.set(offset + j, stack[a + j]);
            }
        }
    }

    /** CLOSURE: a closure of {@code np} with its upvalues, from frame {@code f}'s registers or upvalues. */
    private static LuaClosure closure(Frame f, Prototype np, UpValue[] upValues) {
        LuaClosure made = new LuaClosure(np, f.globals);
        Upvaldesc[] uv = np.upvalues;
        for (int j = 0; j < uv.length; j++) {
            made.upValues[j] = uv[j].instack ? f.upvalue(uv[j].idx) : upValues[uv[j].idx];
        }
        return made;
    }

    private static LuaValue arithmetic(int op, LuaValue x, LuaValue y) {
        return switch (op) {
            case Lua.OP_ADD -> x.add(y);
            case Lua.OP_SUB -> x.sub(y);
            case Lua.OP_MUL -> x.mul(y);
            case Lua.OP_DIV -> x.div(y);
            // two integers: Lua 5.2's a - floor(a/b)*b is floorMod, without the doubles
            case Lua.OP_MOD -> x instanceof LuaInteger xi && y instanceof LuaInteger yi && yi.v != 0
                    ? LuaInteger.valueOf(Math.floorMod(xi.v, yi.v)) : x.mod(y);
            default -> x.pow(y);
        };
    }

    private static boolean comparison(int op, LuaValue x, LuaValue y) {
        return op == Lua.OP_EQ ? PlainOps.equal(x, y) : Outlined.order(op, x, y);
    }

    /** R(first) .. ... .. R(last), right to left as Lua concatenates. */
    private static LuaValue concatenation(LuaValue[] stack, int first, int last) {
        if (last == first + 1) {
            return stack[first].concat(stack[last]);
        }
        Buffer sb = stack[last].buffer();
        for (int r = last - 1; r >= first; r--) {
            sb = stack[r].concat(sb);
        }
        return sb.value();
    }

    /**
     * Finishes the instruction frame {@code f} stopped at, with {@code results}: those of the
     * call it made, or of the wrapped operation (a value, a comparison's truth). The frame then
     * goes on at the next instruction.
     */
    static void complete(Frame f, Varargs results) {
        int i = f.p.code[f.pc];
        int a = (i >> 6) & 0xff;
        switch (i & 0x3f) {
            case Lua.OP_CALL -> Outlined.deliver(results, f, a, (i >> 14) & 0x1ff);
            case Lua.OP_TAILCALL -> Outlined.deliver(results, f, a, 0); // for the RETURN A 0 that follows
            case Lua.OP_TFORCALL -> Outlined.deliver(results, f, a + 3, ((i >> 14) & 0x1ff) + 1);
            case Lua.OP_SETTABUP, Lua.OP_SETTABLE -> {
            }
            case Lua.OP_EQ, Lua.OP_LT, Lua.OP_LE -> {
                if (results.arg1().toboolean() != (a != 0)) {
                    f.pc++;
                }
            }
            default -> f.stack[a] = results.arg1();
        }
    }

    /**
     * An error leaves the run: it gets Lua's message where it was raised ({@link ErrorHooks}, with
     * the debug library's frames still in place), then every frame of the run leaves, innermost
     * first. A Java exception becomes a Lua error; a Java error (stack overflow) passes as it is.
     */
    private static Throwable unwind(Frame f, int pc, Throwable e) {
        return unwind(f, pc, e, null);
    }

    /** {@link #unwind}, leaving the frames from {@code f} out to (not including) {@code stop}. */
    private static Throwable unwind(Frame f, int pc, Throwable e, Frame stop) {
        Throwable thrown = e;
        if (e instanceof LuaError || e instanceof Exception) {
            LuaError error = e instanceof LuaError le ? le : new LuaError(e);
            if (!LuajAccess.isProcessed(error) && !f.endsRun()) {
                ErrorHooks.raised(f.closure, error, pc);
            }
            thrown = error;
        }
        for (Frame x = f; x != stop; x = x.caller) {
            try {
                x.leave();
            } catch (Throwable later) {
                thrown = later; // as in nested finally blocks, an error while leaving replaces the first
            }
        }
        return thrown;
    }
}
