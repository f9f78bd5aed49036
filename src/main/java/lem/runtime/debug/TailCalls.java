package lem.runtime.debug;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.TailcallVarargs;
import org.luaj.vm2.Varargs;

/**
 * LuaJ performs {@code return f(...)} after the calling function has returned. The patched
 * {@code LuaClosure.execute} asks here instead, while the caller is still running: calling a
 * non-function fails inside it, with its position; and a Java function is called at once, as
 * Lua 5.2 calls a C function in a tail call, so that its errors have the caller's position
 * and name ("bad argument #1 to 'select'") and error levels count from the caller.
 */
public final class TailCalls {
    private static final LuaValue CALL = LuaValue.valueOf("__call");

    private TailCalls() {
    }

    public static Varargs checked(LuaValue function, Varargs args) {
        if (!function.isfunction()) {
            if (!function.metatag(CALL).isfunction()) {
                throw new LuaError("attempt to call " + function.typename());
            }
        } else if (!(function instanceof LuaClosure)) {
            return function.invoke(args);
        }
        return new TailcallVarargs(function, args);
    }
}
