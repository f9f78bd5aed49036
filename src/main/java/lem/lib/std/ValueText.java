package lem.lib.std;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/** Values as text the way Lua 5.2 writes them. */
public final class ValueText {
    private static final LuaString TOSTRING = LuaString.valueOf("__tostring");

    private ValueText() {
    }

    /**
     * {@code tostring(v)} as Lua 5.2's luaL_tolstring does it: the result of {@code __tostring}
     * when there is one (a number becomes its text; anything else is returned as it is, since
     * 5.2 does not check it), else the value's own text.
     */
    public static LuaValue tostring(LuaValue v) {
        LuaValue handler = v.metatag(TOSTRING);
        if (!handler.isnil()) {
            LuaValue r = handler.call(v);
            return r.type() == LuaValue.TNUMBER ? r.strvalue() : r;
        }
        return v.type() == LuaValue.TSTRING ? v : LuaValue.valueOf(v.tojstring());
    }

    /**
     * The text of a table, function, thread or userdata: its type and an identity hash, as
     * {@code table: 0x0a1b2c3d} (Lua prints the object's address). LuaJ's own tojstring
     * methods of these types call this (see LuajPatcher).
     */
    public static String identity(LuaValue v) {
        return v.typename() + ": 0x" + String.format("%08x", System.identityHashCode(v));
    }
}
