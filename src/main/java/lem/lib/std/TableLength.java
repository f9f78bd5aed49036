package lem.lib.std;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuajAccess;

/**
 * The length of a table as Lua 5.2 finds it (luaH_getn): a border, searched for in the array
 * part when its last slot is empty, else beyond it. A table with holes has several borders;
 * searching the same way finds the one lua5.2 finds, wherever both keep the same array part.
 * LuaJ's own search started past the array part, so {1, nil, 3} had length 1, not 3.
 */
public final class TableLength {
    private TableLength() {
    }

    public static int border(LuaTable t) {
        int j = LuajAccess.arraySize(t);
        if (j > 0 && t.rawget(j).isnil()) {
            int i = 0;
            while (j - i > 1) {
                int m = (i + j) >>> 1;
                if (t.rawget(m).isnil()) {
                    j = m;
                } else {
                    i = m;
                }
            }
            return i;
        }
        return unboundSearch(t, j);
    }

    /** A border past {@code j}, where t[j] is present (or j is 0): doubling, then bisecting. */
    private static int unboundSearch(LuaTable t, int start) {
        long i = start;
        long j = start + 1L;
        while (!t.rawget((int) j).isnil()) {
            i = j;
            j *= 2;
            if (j > Integer.MAX_VALUE) { // built to defeat the search: count from 1
                int n = 1;
                while (!t.rawget(n).isnil()) {
                    n++;
                }
                return n - 1;
            }
        }
        while (j - i > 1) {
            long m = (i + j) / 2;
            if (t.rawget((int) m).isnil()) {
                j = m;
            } else {
                i = m;
            }
        }
        return (int) i;
    }
}
