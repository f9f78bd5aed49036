package lem.lib.io;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.Varargs;

/** What Files and Streams have in common for Lua: reading with a parser, writing, closing. */
interface Endpoint {
    Varargs read(Parser parser, Varargs args);

    Varargs write(LuaString[] parts);

    Varargs close();

    boolean isClosed();
}
