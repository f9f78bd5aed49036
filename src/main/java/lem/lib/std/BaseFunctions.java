package lem.lib.std;

import java.io.PrintStream;
import lem.lib.LemFunction;
import lem.runtime.debug.GivenError;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The base functions whose LuaJ versions differ from Lua 5.2: their argument errors, the
 * {@code __pairs} and {@code __ipairs} metamethods, {@code tostring}'s rules, print's bytes,
 * collectgarbage's options. (pcall, xpcall, error and the debug side live in runtime.debug.)
 */
public final class BaseFunctions {
    private static final LuaString PAIRS = LuaString.valueOf("__pairs");
    private static final LuaString IPAIRS = LuaString.valueOf("__ipairs");
    private static final LuaString METATABLE = LuaString.valueOf("__metatable");
    /** type()'s answers by type number, made once: programs check types on every request. */
    private static final LuaString[] TYPE_NAMES = java.util.Arrays.stream(LuaValue.TYPE_NAMES)
            .map(LuaString::valueOf).toArray(LuaString[]::new);

    private BaseFunctions() {
    }

    public static void install(Globals globals) {
        LemFunction next = LemFunction.direct("next", (self, args) -> next(self.checkTable(args, 1), args.arg(2)));
        globals.set("next", next);
        globals.set("pairs", LemFunction.of("pairs", (self, args) -> iteration(self, args, PAIRS, next, LuaValue.NIL)));
        LemFunction inext = LemFunction.direct("ipairs_iterator", (self, args) -> {
            int i = self.checkInt(args, 2) + 1;
            LuaValue v = self.checkTable(args, 1).rawget(i);
            return v.isnil() ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(i), v);
        });
        globals.set("ipairs", LemFunction.of("ipairs", (self, args) -> iteration(self, args, IPAIRS, inext, LuaValue.ZERO)));
        globals.set("rawlen", LemFunction.direct("rawlen", (self, args) -> {
            LuaValue v = args.arg1();
            if (v.type() != LuaValue.TTABLE && v.type() != LuaValue.TSTRING) {
                throw self.argError(1, "table or string expected");
            }
            return LuaValue.valueOf(v.rawlen());
        }));
        globals.set("rawequal", LemFunction.direct("rawequal", (self, args) ->
                LuaValue.valueOf(self.checkAny(args, 1).raweq(self.checkAny(args, 2)))));
        globals.set("rawget", LemFunction.direct("rawget", (self, args) -> self.checkTable(args, 1).rawget(self.checkAny(args, 2))));
        globals.set("rawset", LemFunction.direct("rawset", (self, args) -> {
            LuaTable t = self.checkTable(args, 1);
            LuaValue key = self.checkAny(args, 2);
            LuaValue value = self.checkAny(args, 3);
            TableKeys.check(key);
            t.rawset(key, value);
            return t;
        }));
        globals.set("getmetatable", LemFunction.direct("getmetatable", (self, args) -> {
            LuaValue mt = self.checkAny(args, 1).getmetatable();
            if (mt == null) {
                return LuaValue.NIL;
            }
            LuaValue protector = mt.rawget(METATABLE);
            return protector.isnil() ? mt : protector;
        }));
        globals.set("setmetatable", LemFunction.direct("setmetatable", (self, args) -> {
            LuaValue mt = args.arg(2);
            LuaTable t = self.checkTable(args, 1);
            if (!mt.isnil() && !mt.istable() || args.narg() < 2) {
                throw self.argError(2, "nil or table expected");
            }
            LuaValue old = t.getmetatable();
            if (old != null && !old.rawget(METATABLE).isnil()) {
                throw new LuaError("cannot change a protected metatable");
            }
            return t.setmetatable(mt.isnil() ? null : mt);
        }));
        globals.set("type", LemFunction.direct("type", (self, args) -> typeName(self.checkAny(args, 1))));
        globals.set("tostring", LemFunction.of("tostring", (self, args) -> ValueText.tostring(self.checkAny(args, 1))));
        globals.set("print", LemFunction.of("print", (self, args) -> print(globals, args)));
        globals.set("assert", LemFunction.of("assert", (self, args) -> {
            if (!args.arg1().toboolean()) {
                throw new GivenError(self.optString(args, 2, LuaString.valueOf("assertion failed!")).tojstring(), 1);
            }
            return args;
        }));
        globals.set("select", LemFunction.direct("select", (self, args) -> {
            int n = args.narg();
            LuaValue first = args.arg1();
            if (first.type() == LuaValue.TSTRING && first.strvalue().length() > 0 && first.strvalue().luaByte(0) == '#') {
                return LuaValue.valueOf(n - 1);
            }
            long i = self.checkInteger(args, 1);
            if (i < 0) {
                i += n;
            } else if (i > n) {
                i = n;
            }
            if (i < 1) {
                throw self.argError(1, "index out of range");
            }
            return args.subargs((int) i + 1);
        }));
        globals.set("error", LemFunction.of("error", (self, args) -> {
            LuaValue message = args.arg1();
            int level = self.optInt(args, 2, 1);
            if (message.isnil()) {
                throw new LuaError(null, level);
            }
            throw message.isstring() ? new GivenError(message.tojstring(), level) : new LuaError(message);
        }));
        globals.set("collectgarbage", new CollectGarbage());
    }

    /** pairs and ipairs: the metamethod's three results, or the raw iterator over a table. */
    private static Varargs iteration(LemFunction self, Varargs args, LuaString metamethod, LuaValue iterator, LuaValue start) {
        LuaValue t = args.arg1();
        LuaValue handler = t.metatag(metamethod);
        if (handler.isnil()) {
            return LuaValue.varargsOf(iterator, self.checkTable(args, 1), start);
        }
        Varargs r = handler.invoke(t);
        return LuaValue.varargsOf(r.arg(1), r.arg(2), r.arg(3));
    }

    private static Varargs next(LuaTable t, LuaValue key) {
        Varargs r;
        try {
            r = t.next(key);
        } catch (LuaError e) {
            // raised inside next itself: Lua gives it no position
            throw new LuaError("invalid key to 'next'", 0);
        }
        return r.arg1().isnil() ? LuaValue.NIL : r;
    }

    /** print calls the global tostring for each argument and writes the bytes it gets. */
    private static Varargs print(Globals globals, Varargs args) {
        LuaValue tostring = globals.get("tostring");
        PrintStream out = globals.STDOUT;
        for (int i = 1; i <= args.narg(); i++) {
            LuaValue s = tostring.call(args.arg(i));
            if (!s.isstring()) {
                throw new LuaError("'tostring' must return a string to 'print'");
            }
            if (i > 1) {
                out.write('\t');
            }
            LuaString bytes = s.strvalue();
            out.write(bytes.m_bytes, bytes.m_offset, bytes.m_length);
        }
        out.write('\n');
        return LuaValue.NONE;
    }

    private static LuaValue typeName(LuaValue v) {
        int type = v.type();
        String name = v.typename();
        boolean standard = type >= 0 && type < TYPE_NAMES.length && name.equals(LuaValue.TYPE_NAMES[type]);
        return standard ? TYPE_NAMES[type] : LuaValue.valueOf(name);
    }
}
