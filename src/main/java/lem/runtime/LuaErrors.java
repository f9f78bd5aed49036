package lem.runtime;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/** Turning errors into Lua values and positions, in one place. */
public final class LuaErrors {
    public static final String STACK_OVERFLOW = "stack overflow";

    private LuaErrors() {
    }

    /** The value a {@code pcall} would see for {@code e}. */
    public static LuaValue value(LuaError e) {
        LuaValue message = e.getMessageObject();
        return message == null ? LuaValue.NIL : message;
    }

    /** A Java exception as a message for Lua code; never a Java stack trace. */
    public static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** {@code "chunk:line: "} of the Lua function {@code level} calls up, as luaL_where gives it. */
    public static String where(Globals globals, int level) {
        LuaValue debug = globals.get("package").get("loaded").get("debug");
        if (debug.isnil()) {
            return "";
        }
        // level 1 is the function that called the running library function
        LuaValue info = debug.get("getinfo").call(LuaValue.valueOf(level + 1), LuaValue.valueOf("Sl"));
        if (info.istable() && info.get("currentline").toint() > 0) {
            return info.get("short_src").tojstring() + ":" + info.get("currentline").toint() + ": ";
        }
        return "";
    }
}
