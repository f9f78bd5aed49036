package lem.runtime;

import org.luaj.vm2.LuaBoolean;
import org.luaj.vm2.LuaDouble;
import org.luaj.vm2.LuaInteger;
import org.luaj.vm2.LuaNil;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.LuajAccess;

/**
 * Whether an instruction's operands let it run without calling a metamethod. In a coroutine's
 * own frames the interpreter runs such instructions inline; the others go through a wrapped
 * call, because a metamethod is Lua code that may yield.
 */
final class PlainOps {
    private static final LuaString INDEX = LuaValue.valueOf("__index");
    private static final LuaString NEWINDEX = LuaValue.valueOf("__newindex");
    private static final LuaString LEN = LuaValue.valueOf("__len");
    private static final LuaString EQ = LuaValue.valueOf("__eq");
    /** Lua's limit on __index chains (MAXTAGLOOP). */
    private static final int MAX_CHAIN = 100;

    private PlainOps() {
    }

    /** {@code o[key]} when only tables are on its __index chain, else null (a function, or an error, is ahead). */
    static LuaValue get(LuaValue o, LuaValue key) {
        for (int loop = 0; loop < MAX_CHAIN; loop++) {
            LuaValue next;
            if (o instanceof LuaTable t) {
                LuaValue v = key instanceof LuaString s && t.getClass() == LuaTable.class ? LuajAccess.rawgetString(t, s) : t.rawget(key);
                LuaValue mt = LuajAccess.metatable(t);
                if (!(v instanceof LuaNil) || mt == null || (next = metaTag(mt, INDEX)) instanceof LuaNil) {
                    return v;
                }
            } else {
                next = o.metatag(INDEX);
            }
            if (!(next instanceof LuaTable)) {
                return null;
            }
            o = next;
        }
        return null;
    }


    /**
     * Stores {@code o[key] = value} when no __newindex is in the way (a table whose metatable has
     * none, or whose key is present) and returns true; else false, having done nothing.
     */
    static boolean set(LuaValue o, LuaValue key, LuaValue value) {
        if (!(o instanceof LuaTable t)) {
            return false;
        }
        LuaValue mt = LuajAccess.metatable(t);
        if (mt != null && !metaTag(mt, NEWINDEX).isnil() && t.rawget(key).isnil()) {
            return false;
        }
        if (key.isvalidkey()) {
            t.rawset(key, value);
        } else {
            t.set(key, value); // raises Lua's error for a nil or NaN key
        }
        return true;
    }

    /**
     * {@code x == y} where {@link #equality} found no __eq to call: strings, nil and booleans
     * (LuaJ's singletons) told by class, as LuaJ's eq_b would answer, without its call through
     * the vtable (a string's eq_b makes a second one on the other operand); numbers and the rest
     * by eq_b itself.
     */
    static boolean equal(LuaValue x, LuaValue y) {
        Class<?> c = x.getClass();
        if (c == LuaString.class) {
            return x == y || y.getClass() == LuaString.class && ((LuaString) x).raweq((LuaString) y);
        }
        if (c == LuaNil.class || c == LuaBoolean.class) {
            return x == y;
        }
        return x.eq_b(y);
    }

    /** Lua's truth, without a virtual call: only nil and false are false (LuaJ makes no other booleans). */
    static boolean truthy(LuaValue v) {
        return v != LuaValue.FALSE && !(v instanceof LuaNil);
    }

    /**
     * Whether {@code v} is a number: LuaJ's two number classes, compared as classes. An
     * {@code instanceof LuaNumber} let compiled code assume the one class it had seen (integers
     * in a server's first seconds), and the first float threw the interpreter's code away.
     */
    static boolean number(LuaValue v) {
        Class<?> c = v.getClass();
        return c == LuaInteger.class || c == LuaDouble.class;
    }

    static boolean arithmetic(LuaValue x, LuaValue y) {
        return number(x) && number(y);
    }

    /** Comparing by order: numbers with numbers, strings with strings. */
    static boolean order(LuaValue x, LuaValue y) {
        return number(x) ? number(y) : x instanceof LuaString && y instanceof LuaString;
    }

    /**
     * Equality calls __eq only for two different tables or userdata that both have metatables,
     * the first of them with an __eq (LuaJ looks no further when it has none).
     */
    static boolean equality(LuaValue x, LuaValue y) {
        if (x == y || !(x instanceof LuaTable || x instanceof LuaUserdata) || y.getmetatable() == null) {
            return true;
        }
        LuaValue mt = x.getmetatable();
        return mt == null || metaTag(mt, EQ).isnil();
    }

    /** Lua 5.2 calls __len for a table that has one; an object's metatable often has none. */
    static boolean length(LuaValue x) {
        if (x instanceof LuaString) {
            return true;
        }
        if (!(x instanceof LuaTable t)) {
            return false;
        }
        LuaValue mt = LuajAccess.metatable(t);
        return mt == null || metaTag(mt, LEN).isnil();
    }

    private static LuaValue metaTag(LuaValue mt, LuaString name) {
        return mt.getClass() == LuaTable.class ? LuajAccess.rawgetString((LuaTable) mt, name) : mt.rawget(name);
    }

    /** Registers {@code from} to {@code to} are all strings or numbers. */
    static boolean concatenation(LuaValue[] stack, int from, int to) {
        for (int r = from; r <= to; r++) {
            if (!(stack[r] instanceof LuaString || number(stack[r]))) {
                return false;
            }
        }
        return true;
    }
}
