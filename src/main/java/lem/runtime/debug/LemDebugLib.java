package lem.runtime.debug;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import lem.lib.LemFunction;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaBoolean;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaNil;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua 5.2's {@code debug} library over lem's own call stacks. LuaJ reports every Lua call,
 * instruction and return here ({@link #onCall}, {@link #onInstruction}, {@link #onReturn}); lem
 * keeps one {@link LuaCallStack} per coroutine, without LuaJ's per-instruction locking, and reads
 * it for tracebacks, error positions, {@code getinfo}, {@code getlocal} and hooks.
 */
public final class LemDebugLib extends DebugLib {
    /** Lua calls deeper than this raise "stack overflow", before the loop thread's Java stack runs out. */
    static final int MAX_DEPTH = 100_000;
    private static final int HOOK_CALL = 1;
    private static final int HOOK_RETURN = 2;
    private static final int HOOK_LINE = 4;
    private static final int HOOK_COUNT = 8;

    private Globals globals;
    /** The task whose Lua code is to stop at its next instruction (Ctrl-C in the shell), or null. */
    private volatile LuaThread interruptTarget;
    /** Coroutines whose hook mask is not empty (one that dies hooked stays counted). */
    private int hookedStacks;
    private java.util.function.Supplier<LuaThread> currentTask = () -> null;
    private final LuaTable registry = new LuaTable();
    private final Map<LuaValue, LuaValue> userValues = new WeakHashMap<>();

    /** The call stack of {@code thread}, made on first use. */
    public LuaCallStack stackOf(LuaThread thread) {
        Object cs = thread.callstack;
        if (cs == null) {
            thread.callstack = cs = new LuaCallStack();
        }
        return (LuaCallStack) cs;
    }

    // ---- what LuaJ reports ---------------------------------------------------------------

    @Override
    public void onCall(LuaFunction f) {
        // Only LuaJ's own pcall/xpcall report Java calls, and lem replaces both.
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
        enter(new LuaCallStack.Frame(c, stack, varargs));
    }

    /** A call begins: {@code frame}, whose pc the interpreter keeps as it runs, is pushed. */
    public void enter(LuaCallStack.Frame frame) {
        LuaCallStack cs = stackOf(globals.running);
        if (cs.depth >= MAX_DEPTH) {
            throw new LuaError("stack overflow");
        }
        cs.push(frame);
        if ((cs.hookMask & HOOK_CALL) != 0) {
            runHook(cs, "call", LuaValue.NIL);
        }
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        LuaCallStack cs = (LuaCallStack) globals.running.callstack;
        LuaCallStack.Frame frame = cs.frames[cs.depth - 1];
        int previous = frame.pc;
        frame.pc = pc;
        if (cs.hookMask != 0) {
            instructionHooks(cs, frame, previous, pc);
        }
        if (interruptTarget != null) {
            stopIfInterrupted();
        }
    }

    /** Tells how to find the running task (the loop knows), for {@link #interrupt}. */
    public void currentTask(java.util.function.Supplier<LuaThread> current) {
        currentTask = current;
    }

    /**
     * Makes {@code task}'s Lua code raise "interrupted" soon (any thread may call): the
     * interpreter asks {@link #stopIfInterrupted} whenever it starts a slice, which a running
     * coroutine does at least every 256 jumps and calls, so no loop escapes it.
     */
    public void interrupt(LuaThread task) {
        interruptTarget = task;
    }

    /**
     * Whether the interpreter must report every instruction ({@link #onInstruction}): while a
     * hook is set on some coroutine. Otherwise it only writes the pc into the frame
     * {@link #enter} gave it, which is all tracebacks and error positions need.
     */
    public boolean tracing() {
        return hookedStacks > 0;
    }

    /** Raises "interrupted" when an interrupt waits for the running task. */
    public void stopIfInterrupted() {
        LuaThread target = interruptTarget;
        if (target != null && currentTask.get() == target) {
            interruptTarget = null;
            throw new LuaError("interrupted");
        }
    }

    @Override
    public void onReturn() {
        LuaCallStack cs = (LuaCallStack) globals.running.callstack;
        if (cs == null) {
            return;
        }
        if ((cs.hookMask & HOOK_RETURN) != 0) {
            runHook(cs, "return", LuaValue.NIL);
        }
        cs.pop();
    }

    @Override
    public String traceback(int level) {
        return Levels.traceback(Levels.of(stackOf(globals.running)), level, 0, globals);
    }

    /** "chunk:line" of the innermost Lua function {@code thread} runs, or null. */
    public String position(LuaThread thread) {
        for (Levels.Level level : Levels.of(stackOf(thread))) {
            if (level.isLua()) {
                String where = Levels.where(java.util.List.of(level), 0);
                return where.isEmpty() ? null : where.substring(0, where.length() - 2);
            }
        }
        return null;
    }

    /** The traceback of {@code thread} as it stands (for a suspended task: where it waits). */
    public String tracebackOf(LuaThread thread) {
        return Levels.traceback(Levels.of(stackOf(thread)), 0, 0, globals);
    }

    // ---- hooks ---------------------------------------------------------------------------

    private void instructionHooks(LuaCallStack cs, LuaCallStack.Frame frame, int previous, int pc) {
        if ((cs.hookMask & HOOK_COUNT) != 0 && ++cs.hookCounter >= cs.hookCount) {
            cs.hookCounter = 0;
            runHook(cs, "count", LuaValue.NIL);
        }
        if ((cs.hookMask & HOOK_LINE) != 0) {
            int[] lines = frame.closure.p.lineinfo;
            int line = lines != null && pc < lines.length ? lines[pc] : -1;
            int before = previous >= 0 && lines != null && previous < lines.length ? lines[previous] : -1;
            if (line != before || pc <= previous) {
                runHook(cs, "line", LuaValue.valueOf(line));
            }
        }
    }

    /**
     * {@code fn}, a Java function Lua code is about to call, wrapped so that the running
     * coroutine's call and return hooks run around it as Lua 5.2 runs them around a C function
     * (in the hook, level 2 is the Java function); {@code fn} itself while neither hook is set.
     */
    public LuaValue withCallHooks(LuaValue fn) {
        LuaCallStack cs = stackOf(globals.running);
        if ((cs.hookMask & (HOOK_CALL | HOOK_RETURN)) == 0 || cs.inHook || !(fn instanceof LuaFunction)) {
            return fn;
        }
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if ((cs.hookMask & HOOK_CALL) != 0) {
                    runHook(cs, "call", LuaValue.NIL);
                }
                Varargs results = fn.invoke(args);
                if ((cs.hookMask & HOOK_RETURN) != 0) {
                    runHook(cs, "return", LuaValue.NIL);
                }
                return results;
            }
        };
    }

    /** Whether the innermost level is a Lua function's call of {@code function}. */
    private static boolean calledFromLua(List<Levels.Level> levels, LuaValue function) {
        return !levels.isEmpty() && !levels.get(0).isLua() && levels.get(0).function == function;
    }

    private void runHook(LuaCallStack cs, String event, LuaValue line) {
        if (cs.inHook || cs.hook == null) {
            return;
        }
        cs.inHook = true;
        try {
            cs.hook.call(LuaValue.valueOf(event), line);
        } finally {
            cs.inHook = false;
        }
    }

    // ---- the debug table -----------------------------------------------------------------

    @Override
    public LuaValue call(LuaValue modname, LuaValue env) {
        globals = env.checkglobals();
        globals.debuglib = this;
        LuaTable debug = new LuaTable();
        debug.set("traceback", new LemFunction("traceback") {
            @Override
            public Varargs invoke(Varargs args) {
                int a = args.arg1().isthread() ? 2 : 1;
                LuaThread thread = a == 2 ? (LuaThread) args.arg1() : globals.running;
                LuaValue message = args.arg(a);
                if (!message.isnil() && !message.isstring()) {
                    return message;
                }
                int level = args.isnil(a + 1) ? (thread == globals.running ? 1 : 0) : (int) checkNumber(args, a + 1);
                List<Levels.Level> levels = Levels.of(stackOf(thread));
                // called by Java (as xpcall's message handler, called where the error was raised),
                // it has no level of its own: level 1 is then the innermost function, as in Lua
                int first = thread == globals.running && !calledFromLua(levels, this) ? 1 : 0;
                String text = Levels.traceback(levels, level - first, first, globals);
                return valueOf(message.isnil() ? text : message.tojstring() + "\n" + text);
            }
        });
        debug.set("getinfo", new LemFunction("getinfo") {
            @Override
            public Varargs invoke(Varargs args) {
                int a = args.arg1().isthread() ? 2 : 1;
                LuaThread thread = a == 2 ? (LuaThread) args.arg1() : globals.running;
                String what = args.isnil(a + 1) ? "flnStu" : args.arg(a + 1).checkjstring();
                for (char option : what.toCharArray()) {
                    if ("SlnutLf".indexOf(option) < 0) {
                        throw argError(a + 1, "invalid option");
                    }
                }
                LuaValue f = args.arg(a);
                if (f.isnumber()) {
                    List<Levels.Level> levels = Levels.of(stackOf(thread));
                    int level = f.toint();
                    if (level < 0 || level >= levels.size()) {
                        return NIL;
                    }
                    return info(levels.get(level), what);
                }
                if (!f.isfunction()) {
                    throw argError(a, "function or level expected");
                }
                return info(new Levels.Level(null, f, -1), what);
            }
        });
        debug.set("getlocal", new LemFunction("getlocal") {
            @Override
            public Varargs invoke(Varargs args) {
                int a = args.arg1().isthread() ? 2 : 1;
                LuaThread thread = a == 2 ? (LuaThread) args.arg1() : globals.running;
                int n = (int) checkNumber(args, a + 1);
                LuaValue f = args.arg(a);
                if (f.isfunction()) {
                    if (!(f instanceof LuaClosure closure)) {
                        return NIL;
                    }
                    LuaString name = n > 0 && n <= closure.p.numparams ? closure.p.getlocalname(n, 0) : null;
                    return name == null ? NIL : name;
                }
                LuaCallStack.Frame frame = luaFrame(this, thread, f, a);
                if (frame == null) {
                    return NIL;
                }
                LuaString name = localName(frame, n);
                if (name == null) {
                    return NIL;
                }
                return varargsOf(name, n > 0 ? frame.stack[n - 1] : frame.varargs.arg(-n));
            }
        });
        debug.set("setlocal", new LemFunction("setlocal") {
            @Override
            public Varargs invoke(Varargs args) {
                int a = args.arg1().isthread() ? 2 : 1;
                LuaThread thread = a == 2 ? (LuaThread) args.arg1() : globals.running;
                int n = (int) checkNumber(args, a + 1);
                LuaCallStack.Frame frame = luaFrame(this, thread, args.arg(a), a);
                LuaString name = frame == null || n <= 0 ? null : localName(frame, n);
                if (name == null) {
                    return NIL;
                }
                frame.stack[n - 1] = args.arg(a + 2);
                return name;
            }
        });
        debug.set("getupvalue", new LemFunction("getupvalue") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaClosure c = upvalueOwner(this, args);
                int n = (int) checkNumber(args, 2);
                return c == null ? NIL : varargsOf(valueOf(upvalueName(c, n)), c.upValues[n - 1].getValue());
            }
        });
        debug.set("setupvalue", new LemFunction("setupvalue") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaClosure c = upvalueOwner(this, args);
                if (c == null) {
                    return NIL;
                }
                int n = (int) checkNumber(args, 2);
                c.upValues[n - 1].setValue(args.arg(3));
                return valueOf(upvalueName(c, n));
            }
        });
        debug.set("upvalueid", new LemFunction("upvalueid") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaClosure c = upvalueOwner(this, args);
                if (c == null) {
                    throw argError(2, "invalid upvalue index");
                }
                return new LuaUserdata(c.upValues[(int) checkNumber(args, 2) - 1]);
            }
        });
        debug.set("upvaluejoin", new LemFunction("upvaluejoin") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaClosure f1 = closure(this, args, 1);
                int n1 = upvalueIndex(this, args, f1, 2);
                LuaClosure f2 = closure(this, args, 3);
                int n2 = upvalueIndex(this, args, f2, 4);
                f1.upValues[n1 - 1] = f2.upValues[n2 - 1];
                return NONE;
            }
        });
        debug.set("sethook", new LemFunction("sethook") {
            @Override
            public Varargs invoke(Varargs args) {
                int a = args.arg1().isthread() ? 2 : 1;
                LuaCallStack cs = stackOf(a == 2 ? (LuaThread) args.arg1() : globals.running);
                LuaValue hook = args.arg(a);
                String mask = args.isnil(a + 1) ? "" : args.arg(a + 1).checkjstring();
                int count = args.isnil(a + 2) ? 0 : (int) checkNumber(args, a + 2);
                boolean wasHooked = cs.hookMask != 0;
                if (!hook.isfunction()) {
                    cs.hook = null;
                    cs.hookMask = 0;
                    cs.hookCount = 0;
                } else {
                    int bits = (mask.contains("c") ? HOOK_CALL : 0) | (mask.contains("r") ? HOOK_RETURN : 0)
                            | (mask.contains("l") ? HOOK_LINE : 0) | (count > 0 ? HOOK_COUNT : 0);
                    cs.hook = bits == 0 ? null : hook;
                    cs.hookMask = cs.hook == null ? 0 : bits;
                    cs.hookCount = count;
                    cs.hookCounter = 0;
                }
                if (wasHooked != (cs.hookMask != 0)) {
                    hookedStacks += wasHooked ? -1 : 1;
                }
                if ((cs.hookMask & HOOK_RETURN) != 0 && cs == stackOf(globals.running)) {
                    runHook(cs, "return", NIL); // as Lua 5.2: the return from sethook itself is the first
                }
                return NONE;
            }
        });
        debug.set("gethook", new LemFunction("gethook") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaCallStack cs = stackOf(args.arg1().isthread() ? (LuaThread) args.arg1() : globals.running);
                // as Lua 5.2: the hook (nil when none), its mask and its count, always
                int bits = cs.hookMask;
                String mask = ((bits & HOOK_CALL) != 0 ? "c" : "") + ((bits & HOOK_RETURN) != 0 ? "r" : "")
                        + ((bits & HOOK_LINE) != 0 ? "l" : "");
                return varargsOf(cs.hook == null ? NIL : cs.hook, valueOf(mask), valueOf(cs.hookCount));
            }
        });
        debug.set("getmetatable", new LemFunction("getmetatable") {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() < 1) {
                    throw argError(1, "value expected");
                }
                LuaValue mt = args.arg1().getmetatable();
                return mt == null ? NIL : mt;
            }
        });
        debug.set("setmetatable", new LemFunction("setmetatable") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue value = args.arg1();
                LuaValue mt = args.arg(2);
                if (!mt.isnil() && !mt.istable()) {
                    throw typeError(args, 2, "nil or table");
                }
                setAnyMetatable(value, mt.isnil() ? null : mt);
                return value;
            }
        });
        debug.set("getregistry", new LemFunction("getregistry") {
            @Override
            public Varargs invoke(Varargs args) {
                return registry;
            }
        });
        debug.set("getuservalue", new LemFunction("getuservalue") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue value = userValues.get(args.arg1());
                return value == null ? NIL : value;
            }
        });
        debug.set("setuservalue", new LemFunction("setuservalue") {
            @Override
            public Varargs invoke(Varargs args) {
                if (!args.arg1().isuserdata()) {
                    throw typeError(args, 1, "userdata");
                }
                LuaValue value = args.arg(2);
                if (!value.isnil() && !value.istable()) {
                    throw typeError(args, 2, "table");
                }
                userValues.put(args.arg1(), value);
                return args.arg1();
            }
        });
        debug.set("debug", new LemFunction("debug") {
            @Override
            public Varargs invoke(Varargs args) {
                interact();
                return NONE;
            }
        });
        env.set("debug", debug);
        env.get("package").get("loaded").set("debug", debug);
        return debug;
    }


    /** The Lua frame at {@code level} of {@code thread}, or null at a Java level. */
    private LuaCallStack.Frame luaFrame(LemFunction f, LuaThread thread, LuaValue level, int arg) {
        if (!level.isnumber()) {
            throw f.typeError(LuaValue.varargsOf(new LuaValue[] {level}), 1, "number");
        }
        List<Levels.Level> levels = Levels.of(stackOf(thread));
        int n = level.toint();
        if (n < 0 || n >= levels.size()) {
            throw f.argError(arg, "level out of range");
        }
        return levels.get(n).frame;
    }

    private static LuaString localName(LuaCallStack.Frame frame, int n) {
        if (n < 0) {
            return frame.varargs != null && -n <= frame.varargs.narg() ? LuaValue.valueOf("(*vararg)") : null;
        }
        LuaString name = frame.closure.p.getlocalname(n, Math.max(frame.pc, 0));
        if (name == null && n > 0 && n <= frame.stack.length) {
            return LuaValue.valueOf("(*temporary)");
        }
        return name;
    }

    /** The Lua function of argument 1 when argument 2 is the index of one of its upvalues, else null. */
    private static LuaClosure upvalueOwner(LemFunction f, Varargs args) {
        LuaValue function = f.checkFunction(args, 1);
        int n = (int) f.checkNumber(args, 2);
        return function instanceof LuaClosure c && n >= 1 && n <= c.upValues.length ? c : null;
    }

    private static String upvalueName(LuaClosure c, int n) {
        Prototype p = c.p;
        return p.upvalues != null && n <= p.upvalues.length && p.upvalues[n - 1].name != null
                ? p.upvalues[n - 1].name.tojstring() : "?";
    }

    private static LuaClosure closure(LemFunction f, Varargs args, int arg) {
        if (!(args.arg(arg) instanceof LuaClosure c)) {
            throw f.argError(arg, "Lua function expected");
        }
        return c;
    }

    private static int upvalueIndex(LemFunction f, Varargs args, LuaClosure c, int arg) {
        int n = (int) f.checkNumber(args, arg);
        if (n < 1 || n > c.upValues.length) {
            throw f.argError(arg, "invalid upvalue index");
        }
        return n;
    }

    private LuaTable info(Levels.Level level, String what) {
        LuaTable info = new LuaTable();
        LuaValue f = level.function;
        Prototype p = f instanceof LuaClosure c ? c.p : null;
        if (what.indexOf('S') >= 0) {
            String source = p == null ? "=[C]" : Levels.source(p);
            info.set("source", source);
            info.set("short_src", ChunkId.of(source));
            info.set("what", p == null ? "C" : p.linedefined == 0 ? "main" : "Lua");
            info.set("linedefined", p == null ? -1 : p.linedefined);
            info.set("lastlinedefined", p == null ? -1 : p.lastlinedefined);
        }
        if (what.indexOf('l') >= 0) {
            info.set("currentline", level.isLua() ? level.currentLine() : -1);
        }
        if (what.indexOf('u') >= 0) {
            info.set("nups", p == null ? 0 : p.upvalues.length);
            info.set("nparams", p == null ? 0 : p.numparams);
            info.set("isvararg", LuaValue.valueOf(p == null || p.is_vararg != 0));
        }
        if (what.indexOf('n') >= 0) {
            info.set("name", level.name == null ? LuaValue.NIL : LuaValue.valueOf(level.name.name()));
            info.set("namewhat", level.name == null ? "" : level.name.kind());
        }
        if (what.indexOf('t') >= 0) {
            info.set("istailcall", LuaValue.FALSE);
        }
        if (what.indexOf('L') >= 0 && p != null) {
            LuaTable lines = new LuaTable();
            for (int line : p.lineinfo) {
                lines.set(line, LuaValue.TRUE);
            }
            info.set("activelines", lines);
        }
        if (what.indexOf('f') >= 0) {
            info.set("func", f);
        }
        return info;
    }

    /** debug.setmetatable reaches the shared metatables of non-table types too. */
    private static void setAnyMetatable(LuaValue value, LuaValue mt) {
        switch (value.type()) {
            case LuaValue.TTABLE, LuaValue.TUSERDATA -> value.setmetatable(mt);
            case LuaValue.TNIL -> LuaNil.s_metatable = mt;
            case LuaValue.TBOOLEAN -> LuaBoolean.s_metatable = mt;
            case LuaValue.TNUMBER -> LuaNumber.s_metatable = mt;
            case LuaValue.TSTRING -> LuaString.s_metatable = mt;
            case LuaValue.TFUNCTION -> LuaFunction.s_metatable = mt;
            case LuaValue.TTHREAD -> LuaThread.s_metatable = mt;
            default -> throw new LuaError("cannot set the metatable of a " + value.typename() + " value");
        }
    }

    /** debug.debug(): runs lines typed on stdin until "cont", as lua does. */
    private void interact() {
        BufferedReader in = new BufferedReader(new InputStreamReader(globals.STDIN, StandardCharsets.UTF_8));
        while (true) {
            globals.STDERR.print("lua_debug> ");
            globals.STDERR.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                return;
            }
            if (line == null || line.equals("cont")) {
                return;
            }
            try {
                globals.load(line, "=(debug command)").call();
            } catch (LuaError e) {
                globals.STDERR.println(e.getMessage());
            }
        }
    }
}
