package lem.lib.std;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/** Lua 5.2's errors for values that cannot be table keys. */
public final class TableKeys {
    private TableKeys() {
    }

    /** Null when {@code key} may index a table, else Lua's complaint about it. */
    public static String invalid(LuaValue key) {
        if (key.isnil()) {
            return "table index is nil";
        }
        if (key.type() == LuaValue.TNUMBER && Double.isNaN(key.todouble())) {
            return "table index is NaN";
        }
        return null;
    }

    /** Raised inside a library function (rawset), so with no position, as in Lua. */
    public static void check(LuaValue key) {
        String problem = invalid(key);
        if (problem != null) {
            throw new LuaError(problem, 0);
        }
    }
}
