package lem.lib;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's {@code next} and {@code pairs}. A key that is not in the table is an error of the
 * table code itself, which Lua raises without a position (LuaJ's would get the caller's);
 * {@code pairs} honours {@code __pairs} and otherwise returns this {@code next}.
 */
public final class TableTraversal {
    private static final LuaValue PAIRS = LuaValue.valueOf("__pairs");

    private TableTraversal() {
    }

    public static void install(Globals globals) {
        LemFunction next = new LemFunction("next") {
            @Override
            public Varargs invoke(Varargs args) {
                if (!args.istable(1)) {
                    throw typeError(args, 1, "table");
                }
                try {
                    return args.arg1().next(args.arg(2));
                } catch (LuaError e) {
                    throw new LuaError("invalid key to 'next'", 0);
                }
            }
        };
        globals.set("next", next);
        globals.set("pairs", new LemFunction("pairs") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue t = args.arg1();
                LuaValue meta = t.getmetatable();
                LuaValue handler = meta == null ? NIL : meta.rawget(PAIRS);
                if (!handler.isnil()) {
                    Varargs r = handler.invoke(t);
                    return varargsOf(r.arg1(), r.arg(2), r.arg(3));
                }
                if (!t.istable()) {
                    throw typeError(args, 1, "table");
                }
                return varargsOf(next, t, NIL);
            }
        });
    }
}
