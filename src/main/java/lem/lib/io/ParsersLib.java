package lem.lib.io;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

/**
 * {@code lem.parsers.core}: the parser handles. {@code lookup} maps read formats to parsers
 * ('*l', '*a', and whatever modules register); {@code available} and {@code target} are the
 * handles behind {@code read()} and {@code read(n)}. lem/parsers.lua builds {@code newreader}.
 */
public final class ParsersLib {
    private final LuaTable lookup = new LuaTable();

    public ParsersLib() {
        register("*l", Parsers.LINE);
        register("*a", Parsers.ALL);
    }

    /** Makes {@code parser} available to every read as the format {@code name}. */
    public void register(String name, Parser parser) {
        lookup.set(name, handle(parser));
    }

    static LuaValue handle(Parser parser) {
        return new LuaUserdata(parser);
    }

    public LuaTable module() {
        LuaTable m = new LuaTable();
        m.set("lookup", lookup);
        m.set("available", handle(Parsers.AVAILABLE));
        m.set("target", handle(Parsers.TARGET));
        return m;
    }
}
