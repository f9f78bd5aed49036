package lem.lib.std;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * table.sort as Lua 5.2 sorts: the same quicksort (median of three, the smaller half by
 * recursion), so that the comparator sees the same calls in the same order, an inconsistent
 * comparator is caught at the same points ("invalid order function for sorting"), and
 * elements compare in the same order in error messages. Elements are read and written raw.
 */
final class Sorter {
    private final LuaTable t;
    private final LuaValue comparator;

    /** {@code comparator} may be null: then Lua's {@code <}. */
    Sorter(LuaTable t, LuaValue comparator) {
        this.t = t;
        this.comparator = comparator;
    }

    void sort(int lo, int up) {
        while (lo < up) {
            // put a[lo] <= a[mid] <= a[up]
            LuaValue a = t.rawget(lo);
            LuaValue b = t.rawget(up);
            if (less(b, a)) {
                swap(lo, a, up, b);
            }
            if (up - lo == 1) {
                return;
            }
            int mid = (lo + up) / 2;
            a = t.rawget(mid);
            b = t.rawget(lo);
            if (less(a, b)) {
                swap(mid, a, lo, b);
            } else {
                b = t.rawget(up);
                if (less(b, a)) {
                    swap(mid, a, up, b);
                }
            }
            if (up - lo == 2) {
                return;
            }
            // the pivot goes to a[up - 1]; partition a[lo + 1 .. up - 2] around it
            LuaValue pivot = t.rawget(mid);
            swap(mid, pivot, up - 1, t.rawget(up - 1));
            int i = lo;
            int j = up - 1;
            while (true) {
                while (less(a = t.rawget(++i), pivot)) {
                    if (i >= up) {
                        throw new LuaError("invalid order function for sorting");
                    }
                }
                while (less(pivot, b = t.rawget(--j))) {
                    if (j <= lo) {
                        throw new LuaError("invalid order function for sorting");
                    }
                }
                if (j < i) {
                    break;
                }
                swap(i, a, j, b);
            }
            swap(up - 1, t.rawget(up - 1), i, t.rawget(i));
            // recurse into the smaller part, loop on the larger
            if (i - lo < up - i) {
                sort(lo, i - 1);
                lo = i + 1;
            } else {
                sort(i + 1, up);
                up = i - 1;
            }
        }
    }

    /** Exchanges the values read from positions i and j (written back as read). */
    private void swap(int i, LuaValue atI, int j, LuaValue atJ) {
        t.rawset(i, atJ);
        t.rawset(j, atI);
    }

    private boolean less(LuaValue a, LuaValue b) {
        return comparator == null ? Order.lessThan(a, b) : comparator.call(a, b).toboolean();
    }
}
