package org.luaj.vm2;

/**
 * lem's one window into LuaJ's package-private state. It sits in LuaJ's package (lem does not
 * modify LuaJ; a class in the same package of the same class loader may read these fields).
 * docs/architecture.md lists every place where lem reaches inside LuaJ.
 */
public final class LuajAccess {
    private LuajAccess() {
    }

    /**
     * {@code t[key]} without metatables, for a plain table (not a weak one) and a string key:
     * LuaTable.rawget asks the key whether it is an integer, its type and its hash through three
     * virtual calls first; a string is never in the array part and hashes by its own field.
     */
    public static LuaValue rawgetString(LuaTable t, LuaString key) {
        if (t.hashEntries == 0) {
            return LuaValue.NIL;
        }
        LuaTable.Slot[] hash = t.hash;
        for (LuaTable.Slot slot = hash[key.hashCode() & (hash.length - 1)]; slot != null; slot = slot.rest()) {
            // the usual slot, an entry whose value is not a number, tested without interface calls
            // (a slot's find and value reach several classes: calls through the itable); such an
            // entry is a bucket's last slot
            if (slot.getClass() == LuaTable.NormalEntry.class) {
                LuaTable.NormalEntry entry = (LuaTable.NormalEntry) slot;
                LuaValue k = entry.key();
                return k == key || k instanceof LuaString s && s.raweq(key) ? entry.value() : LuaValue.NIL;
            }
            LuaTable.StrongSlot found = slot.find(key);
            if (found != null) {
                return found.value();
            }
        }
        return LuaValue.NIL;
    }

    /**
     * The metatable of {@code t}, or null: LuaTable.getmetatable asks the table's Metatable
     * for it through an interface call; a plain metatable (not weak) is the table itself.
     */
    public static LuaValue metatable(LuaTable t) {
        Metatable m = t.m_metatable;
        return m == null ? null : m instanceof LuaTable table ? table : m.toLuaValue();
    }

    /** The level an error was raised with: error(msg, level), 1 for library errors. */
    public static int level(LuaError e) {
        return e.level;
    }

    /** True once an error got its final message (position, names) at the point it was raised. */
    public static boolean isProcessed(LuaError e) {
        return e.traceback != null;
    }

    /**
     * Gives the error its final message text: LuaJ's getMessage() returns this field when it
     * is set, and a LuaClosure that sees it set does not process the error again.
     */
    public static void setFinalMessage(LuaError e, String message) {
        e.fileline = null;
        e.traceback = message;
    }

    /** The message as raised, before LuaJ glued a position or traceback to it; null for error(nil). */
    public static String rawMessage(LuaError e) {
        String traceback = e.traceback;
        String fileline = e.fileline;
        e.traceback = null;
        e.fileline = null;
        try {
            return e.getMessage();
        } finally {
            e.traceback = traceback;
            e.fileline = fileline;
        }
    }

    /** The size of a table's array part (the border search of lib.std.TableLength starts there). */
    public static int arraySize(LuaTable table) {
        return table.array.length;
    }

    /** The globals a closure was created with (null for closures made outside any Globals). */
    public static Globals globals(LuaClosure closure) {
        return closure.globals;
    }

    /** {@code values} as its own copy where it is a view of an array somebody goes on changing. */
    public static Varargs dealias(Varargs values) {
        return values.dealias();
    }
}
