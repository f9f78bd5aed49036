package lem.lib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** lem.http.core.message: the bytes of a response, and what it refuses to write. */
class MessageWriterTest {
    private static Varargs message(String version, String status, LuaTable headers, LuaValue body) {
        return MessageWriter.message(LuaValue.varargsOf(new LuaValue[] {
            LuaValue.valueOf(version), LuaValue.valueOf(status), headers, body}));
    }

    private static LuaTable table(Object... pairs) {
        LuaTable t = new LuaTable();
        for (int i = 0; i < pairs.length; i += 2) {
            LuaValue v = pairs[i + 1] instanceof Integer n ? LuaValue.valueOf(n)
                    : pairs[i + 1] instanceof Boolean b ? LuaValue.valueOf(b) : LuaValue.valueOf((String) pairs[i + 1]);
            t.set((String) pairs[i], v);
        }
        return t;
    }

    private static LuaTable chunks(String... parts) {
        LuaTable t = new LuaTable();
        for (String p : parts) {
            t.insert(0, LuaValue.valueOf(p));
        }
        return t;
    }

    @Test
    void aHeadAndItsBody() {
        Varargs m = message("1.1", "200 OK", table("Content-Length", 5), chunks("he", "llo"));
        assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", m.arg1().tojstring());
    }

    @Test
    void noHeadersNoBody() {
        assertEquals("HTTP/1.0 204 No Content\r\n\r\n", message("1.0", "204 No Content", new LuaTable(), LuaValue.NIL).arg1().tojstring());
    }

    @Test
    void numbersAndBooleansAreText() {
        assertEquals("HTTP/1.1 200 OK\r\nX: true\r\n\r\n", message("1.1", "200 OK", table("X", true), LuaValue.NIL).arg1().tojstring());
    }

    @Test
    void whatWouldNotReadBackIsRefused() {
        assertEquals("invalid header name 'X Y'", message("1.1", "200 OK", table("X Y", "a"), LuaValue.NIL).arg(2).tojstring());
        assertEquals("invalid header name 'X:'", message("1.1", "200 OK", table("X:", "a"), LuaValue.NIL).arg(2).tojstring());
        assertEquals("invalid value of header 'X': 'a\\13\\10Y: b'",
                message("1.1", "200 OK", table("X", "a\r\nY: b"), LuaValue.NIL).arg(2).tojstring());
        assertEquals("invalid status '200 OK\\10'", message("1.1", "200 OK\n", new LuaTable(), LuaValue.NIL).arg(2).tojstring());
        assertEquals("invalid version '1.1 '", message("1.1 ", "200 OK", new LuaTable(), LuaValue.NIL).arg(2).tojstring());
        assertEquals("res.headers is not a table",
                MessageWriter.message(LuaValue.varargsOf(LuaValue.valueOf("1.1"), LuaValue.valueOf("200 OK"), LuaValue.TRUE)).arg(2).tojstring());
        LuaTable body = new LuaTable();
        body.set(1, new LuaTable());
        assertEquals("invalid body chunk #1 (a table)", message("1.1", "200 OK", new LuaTable(), body).arg(2).tojstring());
        LuaTable withTable = new LuaTable();
        withTable.set("X", new LuaTable());
        assertEquals("invalid value of header 'X': 'table'", message("1.1", "200 OK", withTable, LuaValue.NIL).arg(2).tojstring());
    }
}
