package lem.lib.std;

import java.io.ByteArrayOutputStream;
import lem.lib.LemFunction;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's {@code table} library: raw element access, lengths through {@code __len},
 * C's int arithmetic on positions, and 5.2's error messages. Also the compatibility functions
 * Debian's lua5.2 has ({@code table.maxn}, the global {@code unpack}).
 */
public final class TableLib {
    /** Lua's stack holds at most 1,000,000 slots, a few of which the caller already uses. */
    private static final int MAX_RESULTS = 1_000_000 - 50;

    private TableLib() {
    }

    public static void install(Globals globals) {
        LuaTable table = new LuaTable();
        table.set("concat", LemFunction.of("concat", TableLib::concat));
        table.set("insert", LemFunction.of("insert", TableLib::insert));
        table.set("remove", LemFunction.of("remove", TableLib::remove));
        table.set("pack", LemFunction.of("pack", (self, args) -> {
            LuaTable t = LuaValue.listOf(null, args);
            t.set("n", args.narg());
            return t;
        }));
        LemFunction unpack = LemFunction.of("unpack", TableLib::unpack);
        table.set("unpack", unpack);
        table.set("sort", LemFunction.of("sort", (self, args) -> {
            LuaTable t = self.checkTable(args, 1);
            int n = length(t);
            LuaValue comparator = args.arg(2);
            if (!comparator.isnil()) {
                self.checkFunction(args, 2);
            }
            new Sorter(t, comparator.isnil() ? null : comparator).sort(1, n);
            return LuaValue.NONE;
        }));
        table.set("maxn", LemFunction.of("maxn", (self, args) -> {
            LuaTable t = self.checkTable(args, 1);
            double max = 0;
            for (Varargs entry = t.next(LuaValue.NIL); !entry.arg1().isnil(); entry = t.next(entry.arg1())) {
                LuaValue key = entry.arg1();
                if (key.type() == LuaValue.TNUMBER && key.todouble() > max) {
                    max = key.todouble();
                }
            }
            return LuaValue.valueOf(max);
        }));
        globals.set("table", table);
        globals.get("package").get("loaded").set("table", table);
        globals.set("unpack", unpack);
    }

    /** luaL_len: the length with __len, which must be a number, cut to a C int. */
    static int length(LuaValue t) {
        LuaValue n = t.len();
        if (n.type() != LuaValue.TNUMBER) {
            throw new LuaError("object length is not a number");
        }
        return (int) LemFunction.toInteger(n.todouble());
    }

    private static Varargs concat(LemFunction self, Varargs args) {
        LuaString sep = self.optString(args, 2, LuaString.valueOf(""));
        LuaTable t = self.checkTable(args, 1);
        int i = self.optInt(args, 3, 1);
        int last = args.arg(4).isnil() ? length(t) : self.checkInt(args, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (; i < last; i++) {
            append(out, t, i);
            out.write(sep.m_bytes, sep.m_offset, sep.m_length);
        }
        if (i == last) {
            append(out, t, i);
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static void append(ByteArrayOutputStream out, LuaTable t, int i) {
        LuaValue v = t.rawget(i);
        if (!v.isstring()) {
            throw new LuaError("invalid value (" + v.typename() + ") at index " + i + " in table for 'concat'");
        }
        LuaString s = v.strvalue();
        out.write(s.m_bytes, s.m_offset, s.m_length);
    }

    private static Varargs insert(LemFunction self, Varargs args) {
        LuaTable t = self.checkTable(args, 1);
        int end = length(t) + 1; // the first empty slot
        int pos;
        switch (args.narg()) {
            case 2 -> pos = end;
            case 3 -> {
                pos = self.checkInt(args, 2);
                if (pos < 1 || pos > end) {
                    throw self.argError(2, "position out of bounds");
                }
                for (int i = end; i > pos; i--) {
                    t.rawset(i, t.rawget(i - 1));
                }
            }
            default -> throw new LuaError("wrong number of arguments to 'insert'");
        }
        t.rawset(pos, args.arg(args.narg()));
        return LuaValue.NONE;
    }

    private static Varargs remove(LemFunction self, Varargs args) {
        LuaTable t = self.checkTable(args, 1);
        int size = length(t);
        int pos = self.optInt(args, 2, size);
        // Lua 5.2.4 checks a given position, and blames argument #1
        if (pos != size && (pos < 1 || pos > size + 1)) {
            throw self.argError(1, "position out of bounds");
        }
        LuaValue removed = t.rawget(pos);
        for (; pos < size; pos++) {
            t.rawset(pos, t.rawget(pos + 1));
        }
        t.rawset(pos, LuaValue.NIL);
        return removed;
    }

    private static Varargs unpack(LemFunction self, Varargs args) {
        LuaTable t = self.checkTable(args, 1);
        int i = self.optInt(args, 2, 1);
        int e = args.arg(3).isnil() ? length(t) : self.checkInt(args, 3);
        if (i > e) {
            return LuaValue.NONE;
        }
        int n = e - i + 1; // C int arithmetic: n <= 0 means it overflowed
        if (n <= 0 || n > MAX_RESULTS) {
            throw new LuaError("too many results to unpack");
        }
        LuaValue[] values = new LuaValue[n];
        for (int k = 0; k < n; k++) {
            values[k] = t.rawget(i + k);
        }
        return LuaValue.varargsOf(values);
    }
}
