package lem.runtime.debug;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.TailcallVarargs;
import org.luaj.vm2.Varargs;

/**
 * LuaJ performs {@code return f(...)} after the calling function has returned, so calling a
 * non-function there would fail outside of it, with no position. The patched
 * {@code LuaClosure.execute} asks here first, while the caller is still running (as Lua does).
 */
public final class TailCalls {
    private static final LuaValue CALL = LuaValue.valueOf("__call");

    private TailCalls() {
    }

    public static Varargs checked(LuaValue function, Varargs args) {
        if (!function.isfunction() && function.metatag(CALL).isnil()) {
            throw new LuaError("attempt to call " + function.typename());
        }
        return new TailcallVarargs(function, args);
    }
}
