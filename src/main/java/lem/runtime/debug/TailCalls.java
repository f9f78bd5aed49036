package lem.runtime.debug;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.TailcallVarargs;
import org.luaj.vm2.Varargs;

/**
 * LuaJ performs {@code return f(...)} after the calling function has returned. The patched
 * {@code LuaClosure.execute} asks here instead, while the caller is still running, as in Lua:
 * calling a non-function fails inside the caller (with its position and the callee's name), and
 * a Java function runs at once, so that its errors are raised from the caller's line too. Lua
 * 5.2 reuses the caller's frame only for a Lua function, which LuaJ's tail call still gets.
 */
public final class TailCalls {
    private static final LuaValue CALL = LuaValue.valueOf("__call");

    private TailCalls() {
    }

    public static Varargs checked(LuaValue function, Varargs args) {
        if (function instanceof LuaClosure) {
            return new TailcallVarargs(function, args);
        }
        if (function.isfunction()) {
            return function.invoke(args);
        }
        if (function.metatag(CALL).isnil()) {
            throw new LuaError("attempt to call " + function.typename());
        }
        return new TailcallVarargs(function, args);
    }
}
