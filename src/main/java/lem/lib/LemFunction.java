package lem.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * A library function that checks its arguments with Lua's own wording:
 * {@code bad argument #1 to 'spawn' (function expected, got no value)}. Arguments count from
 * 1 including {@code self}; where the error is raised, the name and number are adjusted to how
 * the function was called (a call with {@code :} does not count self), as Lua does.
 */
public abstract class LemFunction extends VarArgFunction {
    /**
     * True when this function never runs Lua code of the calling coroutine and never suspends
     * it: the interpreter then calls it without wrapping the call in a fiber.
     */
    private final boolean direct;

    protected LemFunction(String name) {
        this(name, false);
    }

    protected LemFunction(String name, boolean direct) {
        this.name = name;
        this.direct = direct;
    }

    /** What a function made with {@link #of} does; {@code self} lends it the argument checks. */
    @FunctionalInterface
    public interface Body {
        Varargs call(LemFunction self, Varargs args);
    }

    public static LemFunction of(String name, Body body) {
        return new LemFunction(name) {
            @Override
            public Varargs invoke(Varargs args) {
                return body.call(this, args);
            }
        };
    }

    /** Fixed when the function is made: a branch for asking the first time cost a recompilation. */
    public final boolean isDirect() {
        return direct;
    }

    /** {@link #of}, for a function that is {@link #direct}. */
    public static LemFunction direct(String name, Body body) {
        return new LemFunction(name, true) {
            @Override
            public Varargs invoke(Varargs args) {
                return body.call(this, args);
            }
        };
    }

    public LuaError argError(int arg, String message) {
        return new LuaError("bad argument #" + arg + " to '" + name + "' (" + message + ")");
    }

    public LuaError typeError(Varargs args, int arg, String expected) {
        String got = arg > args.narg() ? "no value" : args.arg(arg).typename();
        return argError(arg, expected + " expected, got " + got);
    }

    /** Any value, even nil, but the argument must be there ("value expected"). */
    public LuaValue checkAny(Varargs args, int arg) {
        if (arg > args.narg()) {
            throw argError(arg, "value expected");
        }
        return args.arg(arg);
    }

    public LuaTable checkTable(Varargs args, int arg) {
        LuaValue v = args.arg(arg);
        if (!v.istable()) {
            throw typeError(args, arg, "table");
        }
        return (LuaTable) v;
    }

    /**
     * luaL_checkoption: the index in {@code options} of the string argument (or of {@code def}
     * when that is not null and the argument is nil or absent), else "invalid option 'x'".
     */
    public int checkOptionIndex(Varargs args, int arg, String def, String... options) {
        String name = checkOption(args, arg, def, options);
        for (int i = 0; i < options.length; i++) {
            if (options[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("checkOption returned an unknown option");
    }

    /** luaL_optint: {@link #checkInt}, or {@code def} when the argument is nil or absent. */
    public int optInt(Varargs args, int arg, int def) {
        return args.arg(arg).isnil() ? def : checkInt(args, arg);
    }

    public LuaFunction checkFunction(Varargs args, int arg) {
        LuaValue v = args.arg(arg);
        if (!v.isfunction()) {
            throw typeError(args, arg, "function");
        }
        return (LuaFunction) v;
    }

    /** A number, or a string that converts to one, as luaL_checknumber takes it. */
    public double checkNumber(Varargs args, int arg) {
        LuaValue n = args.arg(arg).tonumber();
        if (n.isnil()) {
            throw typeError(args, arg, "number");
        }
        return n.todouble();
    }

    /** A string, or a number as text (luaL_checklstring). */
    public LuaString checkString(Varargs args, int arg) {
        LuaValue v = args.arg(arg);
        if (!v.isstring()) {
            throw typeError(args, arg, "string");
        }
        return v.checkstring();
    }

    /** {@link #checkString}, or {@code absent} for nil or no value. */
    public LuaString optString(Varargs args, int arg, LuaString absent) {
        return args.isnil(arg) ? absent : checkString(args, arg);
    }

    /** One of {@code options}, as luaL_checkoption takes it; {@code absent}, when not null, stands for nil. */
    public String checkOption(Varargs args, int arg, String absent, String... options) {
        String name = absent != null && args.isnil(arg) ? absent : checkString(args, arg).tojstring();
        for (String option : options) {
            if (option.equals(name)) {
                return name;
            }
        }
        throw argError(arg, "invalid option '" + name + "'");
    }

    /** A number converted to an integer as luaL_checkinteger does ({@link #toInteger}). */
    public long checkInteger(Varargs args, int arg) {
        return toInteger(checkNumber(args, arg));
    }

    /** {@link #checkInteger}, or {@code absent} for nil or no value. */
    public long optInteger(Varargs args, int arg, long absent) {
        return args.isnil(arg) ? absent : checkInteger(args, arg);
    }

    /** luaL_checkint: the integer truncated to the low 32 bits of a C int. */
    public int checkInt(Varargs args, int arg) {
        return (int) checkInteger(args, arg);
    }

    /**
     * C's conversion of a double to a 64-bit integer on x86-64, as Lua 5.2 does it: towards zero, and
     * the "integer indefinite" value Long.MIN_VALUE for NaN and values out of range (Java would saturate).
     */
    public static long toInteger(double d) {
        return d >= -0x1p63 && d < 0x1p63 ? (long) d : Long.MIN_VALUE;
    }

    /** A number with an integer value within {@code [min, max]}, else "not an integer in proper range". */
    public int checkIntInRange(Varargs args, int arg, int min, int max) {
        double d = checkNumber(args, arg);
        if (d != Math.floor(d) || d < min || d > max) {
            throw argError(arg, "not an integer in proper range");
        }
        return (int) d;
    }

    public <T> T checkUserdata(Varargs args, int arg, Class<T> type, String typeName) {
        Object data = args.arg(arg).touserdata(type);
        if (data == null) {
            throw typeError(args, arg, typeName);
        }
        return type.cast(data);
    }
}
