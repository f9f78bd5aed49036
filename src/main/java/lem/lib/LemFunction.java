package lem.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
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
    protected LemFunction(String name) {
        this.name = name;
    }

    public LuaError argError(int arg, String message) {
        return new LuaError("bad argument #" + arg + " to '" + name + "' (" + message + ")");
    }

    public LuaError typeError(Varargs args, int arg, String expected) {
        String got = arg > args.narg() ? "no value" : args.arg(arg).typename();
        return argError(arg, expected + " expected, got " + got);
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
