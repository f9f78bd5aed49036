package lem.lib.std;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/** Lua 5.2's {@code <} for library code (table.sort): numbers, strings byte-wise, else __lt. */
public final class Order {
    private static final LuaString LT = LuaString.valueOf("__lt");

    private Order() {
    }

    public static boolean lessThan(LuaValue a, LuaValue b) {
        int ta = a.type();
        int tb = b.type();
        if (ta == LuaValue.TNUMBER && tb == LuaValue.TNUMBER) {
            return a.todouble() < b.todouble();
        }
        if (ta == LuaValue.TSTRING && tb == LuaValue.TSTRING) {
            return compare((LuaString) a, (LuaString) b) < 0;
        }
        LuaValue handler = a.metatag(LT);
        if (handler.isnil()) {
            handler = b.metatag(LT);
        }
        if (handler.isnil()) {
            // raised by the comparison inside a library function: Lua gives it no position
            String t1 = a.typename();
            String t2 = b.typename();
            throw new LuaError(t1.equals(t2) ? "attempt to compare two " + t1 + " values"
                    : "attempt to compare " + t1 + " with " + t2, 0);
        }
        return handler.call(a, b).toboolean();
    }

    /** Strings compare as C's strcmp in the C locale does: by unsigned bytes, then by length. */
    public static int compare(LuaString a, LuaString b) {
        int n = Math.min(a.m_length, b.m_length);
        for (int i = 0; i < n; i++) {
            int x = a.m_bytes[a.m_offset + i] & 0xff;
            int y = b.m_bytes[b.m_offset + i] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return a.m_length - b.m_length;
    }
}
