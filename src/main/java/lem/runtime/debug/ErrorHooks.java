package lem.runtime.debug;

import java.util.List;
import lem.lib.std.TableKeys;
import org.luaj.vm2.Globals;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.LuajAccess;
import org.luaj.vm2.Prototype;

/**
 * What happens where an error is raised. lem's interpreter calls {@link #raised} in the
 * innermost Lua function the error passes (lem.runtime.Interpreter). Here, with the stack still intact, the error gets
 * Lua 5.2's message (position of the level it was raised at, variable names), its traceback is
 * taken, and the handler of an enclosing xpcall runs.
 */
public final class ErrorHooks {
    private ErrorHooks() {
    }

    /** Called where {@code error} is raised in {@code closure}, at instruction {@code pc}. */
    public static void raised(LuaClosure closure, LuaError error, int pc) {
        Globals globals = LuajAccess.globals(closure);
        if (globals == null || !(globals.debuglib instanceof LemDebugLib debug)) {
            LuajAccess.setFinalMessage(error, messageWithoutStack(error));
            return;
        }
        LuaCallStack cs = debug.stackOf(globals.running);
        List<Levels.Level> levels = Levels.of(cs);
        // levels[0] is the Java function the error came from, when there is one
        int base = !levels.isEmpty() && !levels.get(0).isLua() ? 0 : -1;
        LuaValue object = error.getMessageObject();
        LuaValue value;
        if (object != null && !object.isstring()) {
            value = object;
        } else {
            String raw = LuajAccess.rawMessage(error);
            if (raw == null) {
                value = LuaValue.NIL;
            } else {
                if (base < 0) {
                    raw = runtimeError(raw, closure, cs.top(), pc);
                } else if (!(error instanceof GivenError)) {
                    Levels.Level callee = levels.get(0);
                    raw = argumentError(raw, callee.name, callee.function, globals);
                }
                int level = LuajAccess.level(error);
                value = LuaValue.valueOf(level > 0 ? Levels.where(levels, base + level) + raw : raw);
            }
        }
        String traceback = Levels.traceback(levels, 0, 1, globals);
        LuaValue handler = cs.handler();
        if (handler != null) {
            LuaValue original = value;
            try {
                value = cs.withoutHandler(() -> handler.call(original));
            } catch (LuaError | StackOverflowError e) {
                value = LuaValue.valueOf("error in error handling");
            }
        }
        LuajAccess.setFinalMessage(error, value.isstring() ? value.tojstring() : "(error object is a " + value.typename() + " value)");
        cs.lastError = error;
        cs.lastValue = value;
        cs.lastTraceback = traceback;
    }

    /**
     * The value of an error for pcall and friends: the final message, or the error object.
     * {@code called} is the function the catcher called itself: if the error never passed a Lua
     * function, that function raised it, and names it in "bad argument" messages.
     */
    public static LuaValue value(LuaError error, LuaCallStack cs, LuaValue called, Globals globals) {
        if (cs != null && cs.lastError == error) {
            return cs.lastValue;
        }
        LuaValue object = error.getMessageObject();
        if (object == null) {
            return LuaValue.NIL;
        }
        if (!object.isstring() || LuajAccess.isProcessed(error)) {
            return object;
        }
        String raw = LuajAccess.rawMessage(error);
        return LuaValue.valueOf(error instanceof GivenError ? raw : argumentError(normalise(raw), null, called, globals));
    }

    /**
     * A Java throwable that reached Lua code as an error value: Lua's words where Lua has them
     * ("stack overflow", "not enough memory"), the exception's own message otherwise. Any other
     * Java error (a class that could not be loaded, ...) is lem's or the installation's fault,
     * and says so with its kind: its message alone can be a bare class name.
     */
    public static LuaValue javaFailure(Throwable e) {
        if (e instanceof StackOverflowError) {
            return LuaValue.valueOf("stack overflow");
        }
        if (e instanceof OutOfMemoryError) {
            return LuaValue.valueOf("not enough memory");
        }
        if (e instanceof Error) {
            return LuaValue.valueOf("internal error: " + (e.getCause() != null ? e.getCause() : e));
        }
        String message = e.getMessage();
        return LuaValue.valueOf(message != null ? message : e.getClass().getSimpleName());
    }

    /** The value of an error that ended coroutine {@code thread}. */
    public static LuaValue value(LuaThread thread, LuaError error) {
        return value(error, stackOf(thread), null, thread.globals);
    }

    /** The traceback taken where {@code error} was raised on {@code thread}, or null. */
    public static String traceback(LuaThread thread, LuaError error) {
        LuaCallStack cs = stackOf(thread);
        return cs != null && cs.lastError == error ? cs.lastTraceback : null;
    }

    /**
     * "chunk:line: " of {@code level} on {@code thread} (1: the Lua function calling the running
     * Java function), as luaL_where gives it: for an error a Java function returns instead of raising.
     */
    public static String where(LuaThread thread, int level) {
        LuaCallStack cs = stackOf(thread);
        if (cs == null) {
            return "";
        }
        List<Levels.Level> levels = Levels.of(cs);
        int base = !levels.isEmpty() && !levels.get(0).isLua() ? 0 : -1;
        return Levels.where(levels, base + level);
    }

    private static LuaCallStack stackOf(LuaThread thread) {
        return thread.globals.debuglib instanceof LemDebugLib debug ? debug.stackOf(thread) : null;
    }

    private static final java.util.regex.Pattern BAD_ARGUMENT =
            java.util.regex.Pattern.compile("bad argument #(\\d+)(?: to '[^']*' \\((.*)\\)|: (.*))", java.util.regex.Pattern.DOTALL);

    /**
     * "bad argument #n to 'f' (...)" named the way the function was called: a method call does not
     * count self, and a function called from Java is named by where the global table holds it.
     */
    static String argumentError(String raw, Names.Name calledAs, LuaValue function, Globals globals) {
        java.util.regex.Matcher m = BAD_ARGUMENT.matcher(raw);
        if (!m.matches()) {
            return raw;
        }
        int n = Integer.parseInt(m.group(1));
        String detail = m.group(2) != null ? m.group(2) : m.group(3);
        String name;
        if (calledAs != null) {
            name = calledAs.name();
            if (calledAs.kind().equals("method")) {
                n--;
                if (n == 0) {
                    return "calling '" + name + "' on bad self (" + detail + ")";
                }
            }
        } else {
            String global = Levels.globalName(globals, function);
            name = global != null ? global : "?";
        }
        return "bad argument #" + n + " to '" + name + "' (" + detail + ")";
    }

    /** An error that never passed a Lua function (raised by Java called from Java): no position. */
    private static String messageWithoutStack(LuaError error) {
        String raw = LuajAccess.rawMessage(error);
        return raw == null ? null : normalise(raw);
    }

    /** Lua 5.2's wording for a runtime error raised by the instruction at {@code pc}, names included. */
    private static String runtimeError(String raw, LuaClosure closure, LuaCallStack.Frame frame, int pc) {
        Prototype p = closure.p;
        if (frame == null || frame.closure != closure || pc < 0 || pc >= p.code.length) {
            return normalise(raw);
        }
        int i = p.code[pc];
        int a = Lua.GETARG_A(i);
        int b = Lua.GETARG_B(i);
        int c = Lua.GETARG_C(i);
        if (raw.startsWith("table index expected")) { // LuaJ's words for a nil or NaN key
            int op = Lua.GET_OPCODE(i);
            String problem = op == Lua.OP_SETTABLE || op == Lua.OP_SETTABUP ? TableKeys.invalid(rk(frame, p, pc, b).value) : null;
            return problem != null ? problem : raw;
        }
        if (raw.startsWith("index expected, got ")) { // LuaJ's words for assigning into a non-table
            raw = "attempt to index ? (a " + raw.substring("index expected, got ".length()) + " value)";
        }
        if (!raw.startsWith("attempt to ")) {
            return normalise(raw);
        }
        switch (Lua.GET_OPCODE(i)) {
            case Lua.OP_GETTABLE:
            case Lua.OP_SELF:
                return typeError("index", register(frame, p, pc, b));
            case Lua.OP_GETTABUP:
                return typeError("index", upvalue(closure, p, b));
            case Lua.OP_SETTABLE:
                return typeError("index", register(frame, p, pc, a));
            case Lua.OP_SETTABUP:
                return typeError("index", upvalue(closure, p, a));
            case Lua.OP_CALL:
            case Lua.OP_TAILCALL:
                return raw.startsWith("attempt to call") ? typeError("call", register(frame, p, pc, a)) : normalise(raw);
            case Lua.OP_TFORCALL:
                return raw.startsWith("attempt to call") ? typeError("call", new Operand(frame.stack[a], null)) : normalise(raw);
            case Lua.OP_ADD:
            case Lua.OP_SUB:
            case Lua.OP_MUL:
            case Lua.OP_DIV:
            case Lua.OP_MOD:
            case Lua.OP_POW: {
                Operand left = rk(frame, p, pc, b);
                return typeError("perform arithmetic on", isNumeric(left.value) ? rk(frame, p, pc, c) : left);
            }
            case Lua.OP_UNM:
                return typeError("perform arithmetic on", register(frame, p, pc, b));
            case Lua.OP_LEN:
                return typeError("get length of", register(frame, p, pc, b));
            case Lua.OP_CONCAT:
                return typeError("concatenate", concatCulprit(frame, p, pc, b, c));
            case Lua.OP_EQ:
            case Lua.OP_LT:
            case Lua.OP_LE: {
                String t1 = rk(frame, p, pc, b).value.typename();
                String t2 = rk(frame, p, pc, c).value.typename();
                return t1.equals(t2) ? "attempt to compare two " + t1 + " values" : "attempt to compare " + t1 + " with " + t2;
            }
            default:
                return normalise(raw);
        }
    }

    /** A value an instruction used, with the name Lua would give it (null if none). */
    private record Operand(LuaValue value, Names.Name name) {
    }

    private static Operand register(LuaCallStack.Frame frame, Prototype p, int pc, int reg) {
        return new Operand(frame.stack[reg], Names.objectName(p, pc, reg));
    }

    private static Operand rk(LuaCallStack.Frame frame, Prototype p, int pc, int arg) {
        return Lua.ISK(arg) ? new Operand(p.k[Lua.INDEXK(arg)], null) : register(frame, p, pc, arg);
    }

    private static Operand upvalue(LuaClosure closure, Prototype p, int index) {
        return new Operand(closure.upValues[index].getValue(), new Names.Name("upvalue", Names.upvalueName(p, index)));
    }

    /** Concatenation runs right to left, pair by pair; the culprit is the first bad operand it meets. */
    private static Operand concatCulprit(LuaCallStack.Frame frame, Prototype p, int pc, int b, int c) {
        int culprit = c;
        if (!isStringLike(frame.stack[c - 1])) {
            culprit = c - 1;
        } else if (isStringLike(frame.stack[c])) {
            for (int r = c - 2; r >= b; r--) {
                if (!isStringLike(frame.stack[r])) {
                    culprit = r;
                    break;
                }
            }
        }
        return register(frame, p, pc, culprit);
    }

    private static boolean isStringLike(LuaValue v) {
        return v.type() == LuaValue.TSTRING || v.type() == LuaValue.TNUMBER;
    }

    private static boolean isNumeric(LuaValue v) {
        return v.type() == LuaValue.TNUMBER || (v instanceof LuaString && !v.tonumber().isnil());
    }

    private static String typeError(String operation, Operand operand) {
        String type = operand.value.typename();
        if (operand.name != null) {
            return "attempt to " + operation + " " + operand.name.describe() + " (a " + type + " value)";
        }
        return "attempt to " + operation + " a " + type + " value";
    }

    /** LuaJ's wording of type errors, in Lua's words where no names are known. */
    static String normalise(String raw) {
        if (raw.startsWith("attempt to index ? (a ")) {
            return "attempt to index a " + raw.substring("attempt to index ? (a ".length(), raw.length() - 1);
        }
        for (String op : new String[] {"call", "perform arithmetic on", "get length of"}) {
            String prefix = "attempt to " + op + " ";
            if (raw.startsWith(prefix) && raw.indexOf(' ', prefix.length()) < 0) {
                return prefix + "a " + raw.substring(prefix.length()) + " value";
            }
        }
        return raw;
    }
}
