package lem.lib.http;

import lem.lib.LemFunction;
import lem.lib.io.ParsersLib;
import org.luaj.vm2.LuaTable;

/**
 * {@code lem.http}: loading it adds the read formats 'HTTPRequest', 'HTTPResponse' (reference 11)
 * and 'HTTPChunk' to lem.parsers, for every Stream and File; the module table itself is empty.
 * {@code lem.http.core} holds what lem.http.server and lem.http.response need natively:
 * {@code message} and {@code table}.
 */
public final class HttpLib {
    private final ParsersLib parsers;

    public HttpLib(ParsersLib parsers) {
        this.parsers = parsers;
    }

    public LuaTable module() {
        parsers.register("HTTPRequest", HeadParser.REQUEST);
        parsers.register("HTTPResponse", HeadParser.RESPONSE);
        parsers.register("HTTPChunk", ChunkParser.INSTANCE);
        return new LuaTable();
    }

    public static LuaTable core() {
        LuaTable m = new LuaTable();
        // both run no Lua code (a header value must be a string, number or boolean): called
        // directly, not in a fiber, for every request
        m.set("message", LemFunction.direct("message", (self, args) -> MessageWriter.message(args)));
        // table(narray, nhash): an empty table with room for that many items and fields, for the
        // tables made for every request: LuaJ grows a table by rehashing it whole
        m.set("table", LemFunction.direct("table", (self, args) -> new LuaTable(args.checkint(1), args.checkint(2))));
        return m;
    }
}
