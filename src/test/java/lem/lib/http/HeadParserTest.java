package lem.lib.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import lem.lib.io.Parser;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The HTTPRequest and HTTPResponse formats, case by case from reference 11. */
class HeadParserTest {
    /** Feeds {@code pieces} one after the other to one read; the results, or null if it still waits. */
    static Varargs read(Parser parser, Varargs args, ByteBuf in, String... pieces) {
        Parser.Run run = parser.start(args);
        Varargs result = null;
        if (pieces.length == 0) {
            return run.process(in);
        }
        for (String piece : pieces) {
            in.writeBytes(piece.getBytes(StandardCharsets.ISO_8859_1));
            result = run.process(in);
            if (result != null) {
                break;
            }
        }
        return result;
    }

    static Varargs request(String... pieces) {
        return read(HeadParser.REQUEST, LuaValue.NONE, Unpooled.buffer(), pieces);
    }

    static Varargs response(String... pieces) {
        return read(HeadParser.RESPONSE, LuaValue.NONE, Unpooled.buffer(), pieces);
    }

    /** A Lua string of the bytes of {@code text} (one per char, as the requests above are written). */
    static LuaString bytes(String text) {
        return LuaString.valueUsing(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The bytes of a Lua string, one char each. */
    static String text(LuaValue s) {
        LuaString string = s.checkstring();
        return new String(string.m_bytes, string.m_offset, string.m_length, StandardCharsets.ISO_8859_1);
    }

    static LuaTable headers(Varargs head) {
        return (LuaTable) head.arg1().get("headers");
    }

    static void assertFails(String why, Varargs result) {
        assertTrue(result != null && result.arg1().isnil(), () -> "expected a failure, got " + result);
        assertEquals(why, result.arg(2).tojstring());
    }

    @Test
    void aRequestHead() {
        Varargs r = request("GET /index.html?x=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n");
        LuaValue head = r.arg1();
        assertEquals("GET", head.get("method").tojstring());
        assertEquals("/index.html?x=1", head.get("uri").tojstring());
        assertEquals("1.1", head.get("version").tojstring());
        assertEquals("example.com", headers(r).get("host").tojstring());
        assertEquals("*/*", headers(r).get("accept").tojstring());
    }

    @Test
    void noHeadersGiveAnEmptyTable() {
        Varargs r = request("GET / HTTP/1.0\r\n\r\n");
        assertEquals(LuaValue.NIL, headers(r).next(LuaValue.NIL).arg1());
    }

    @Test
    void theVersionIsItsDigitsAndTheProtocolNameTakesAnyCase() {
        assertEquals("12.34", request("GET / hTtP / 12.34\r\n\r\n").arg1().get("version").tojstring());
    }

    @Test
    void spacesAndTabsSeparateTheRequestLine() {
        Varargs r = request("M-SEARCH \t *  HTTP/1.1\r\n\r\n");
        assertEquals("M-SEARCH", r.arg1().get("method").tojstring());
        assertEquals("*", r.arg1().get("uri").tojstring());
    }

    @Test
    void theUriTakesSpecialsAndHighBytes() {
        assertEquals("/a:b/\"c\"?d=<e>&\u00e9", text(request("GET /a:b/\"c\"?d=<e>&\u00e9 HTTP/1.1\r\n\r\n").arg1().get("uri")));
    }

    @Test
    void headerNamesAreLowerCasedAsciiOnly() {
        Varargs r = request("GET / HTTP/1.1\r\nX-FOO-\u00c9: 1\r\n\r\n");
        assertEquals("1", headers(r).get(bytes("x-foo-\u00c9")).tojstring());
    }

    @Test
    void theLastOfRepeatedHeadersWins() {
        assertEquals("2", headers(request("GET / HTTP/1.1\r\nA: 1\r\na: 2\r\n\r\n")).get("a").tojstring());
    }

    @Test
    void valuesAreTrimmedAndTheirWhiteSpaceFolded() {
        Varargs r = request("GET / HTTP/1.1\r\nA:   x  \t y\tz   \r\nB:\r\nC:  \r\n\r\n");
        assertEquals("x y z", headers(r).get("a").tojstring());
        assertEquals("", headers(r).get("b").tojstring());
        assertEquals("", headers(r).get("c").tojstring());
    }

    @Test
    void continuationLinesJoinWithOneSpace() {
        Varargs r = request("GET / HTTP/1.1\r\nA: one\r\n   two\r\n\tthree \r\nB:\r\n  late\r\nC: x\r\n   \r\n\r\n");
        assertEquals("one two three", headers(r).get("a").tojstring());
        assertEquals("late", headers(r).get("b").tojstring());
        assertEquals("x", headers(r).get("c").tojstring());
    }

    @Test
    void exactlyTheHeadIsConsumed() {
        ByteBuf in = Unpooled.buffer();
        Varargs r = read(HeadParser.REQUEST, LuaValue.NONE, in, "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET");
        assertEquals("POST", r.arg1().get("method").tojstring());
        assertEquals("helloGET", in.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aHeadArrivingByteByByteParsesTheSame() {
        String text = "PUT /x HTTP/1.1\r\nA: b\r\n c\r\n\r\n";
        String[] bytes = text.split("");
        Varargs r = request(bytes);
        assertEquals("PUT", r.arg1().get("method").tojstring());
        assertEquals("b c", headers(r).get("a").tojstring());
    }

    @Test
    void anIncompleteHeadWaits() {
        assertNull(request("GET / HTTP/1.1\r\nHost: x\r\n"));
    }

    @Test
    void grammarViolationsAreParseErrors() {
        String[] bad = {
            " GET / HTTP/1.1\r\n\r\n",           // leading white space
            "GET / HTTP/1.1 \r\n\r\n",           // space after the version
            "GET / HTTP/1.1\n\r\n",              // bare LF
            "GET / HTTP/1.1\r\nA: b\n\r\n",
            "GET / HTTP/1.1\r\nA: b\r\n\n",
            "GET / HTTP/1.1\r\nHost : x\r\n\r\n", // space before the colon
            "GET / HTTP/1.1\r\n x\r\n\r\n",       // a continuation with nothing to continue
            "GET / HTTP/1.1\r\nA: b\u0001c\r\n\r\n",
            "GET / HTTP/1.1\r\nA\r\n\r\n",
            "G(T / HTTP/1.1\r\n\r\n",             // a special in the method
            "GET /\u007f HTTP/1.1\r\n\r\n",
            "GET / HTTX/1.1\r\n\r\n",
            "GET / HTTP/1\r\n\r\n",
            "GET / HTTP/.1\r\n\r\n",
            "GET / HTTP/1.\r\n\r\n",
            "GET / HTTP/1.1\r\n\r\r",
            "GET /\r\n\r\n",                      // HTTP/0.9
            "GET  HTTP/1.1\r\n\r\n",
        };
        for (String text : bad) {
            assertFails("parse error", request(text));
        }
    }

    @Test
    void aTokenLongerThanTheBufferIsOutOfBufferSpace() {
        assertFails("out of buffer space", request("GET / HTTP/1.1\r\nA: " + "x".repeat(4200) + "\r\n\r\n"));
        assertFails("out of buffer space", request("GET /" + "x".repeat(4200) + " HTTP/1.1\r\n\r\n"));
        Varargs ok = request("GET / HTTP/1.1\r\nA: " + "x".repeat(HeadParser.MAX_TOKEN) + "\r\n\r\n");
        assertEquals(HeadParser.MAX_TOKEN, headers(ok).get("a").length());
    }

    @Test
    void theLimitIsPerTokenNotPerHead() {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 100; i++) {
            head.append("X-Header-").append(i).append(": ").append("v".repeat(95)).append("\r\n");
        }
        head.append("\r\n");
        assertTrue(head.length() > 10_000);
        Varargs r = request(head.toString());
        assertEquals(95, headers(r).get("x-header-99").length());
    }

    @Test
    void maxheadLimitsTheWholeHead() {
        String head = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        ByteBuf in = Unpooled.buffer();
        assertEquals("GET", read(HeadParser.REQUEST, LuaValue.valueOf(head.length()), in, head).arg1().get("method").tojstring());
        assertFails("out of buffer space", read(HeadParser.REQUEST, LuaValue.valueOf(head.length() - 1), Unpooled.buffer(), head));
        assertFails("out of buffer space", read(HeadParser.REQUEST, LuaValue.valueOf(10), Unpooled.buffer(), "GET / HT", "TP/1.1\r\n\r\n"));
    }

    @Test
    void strictReadingRefusesRepeatedFramingHeaders() {
        Varargs strict = LuaValue.varargsOf(LuaValue.NIL, LuaValue.TRUE);
        assertFails("parse error", read(HeadParser.REQUEST, strict, Unpooled.buffer(),
                "POST / HTTP/1.1\r\nContent-Length: 1\r\ncontent-length: 2\r\n\r\n"));
        assertFails("parse error", read(HeadParser.REQUEST, strict, Unpooled.buffer(),
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"));
        Varargs repeatedOther = read(HeadParser.REQUEST, strict, Unpooled.buffer(), "GET / HTTP/1.1\r\nA: 1\r\nA: 2\r\n\r\n");
        assertEquals("2", headers(repeatedOther).get("a").tojstring());
        assertEquals("2", headers(request("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")).get("content-length").tojstring());
    }

    @Test
    void aResponseHead() {
        Varargs r = response("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        LuaValue head = r.arg1();
        assertEquals("1.1", head.get("version").tojstring());
        assertTrue(head.get("status").isint());
        assertEquals(404, head.get("status").toint());
        assertEquals("Not Found", head.get("text").tojstring());
        assertEquals("0", headers(r).get("content-length").tojstring());
    }

    @Test
    void theReasonKeepsItsSpaces() {
        assertEquals("OK  then ", response("http / 1.0  200   OK  then \r\n\r\n").arg1().get("text").tojstring());
    }

    @Test
    void statusLineViolationsAreParseErrors() {
        String[] bad = {
            "HTTP/1.1 200\r\n\r\n",              // no reason
            "HTTP/1.1 200 \r\n\r\n",             // empty reason
            "HTTP/1.1 301 Moved: see http://x/\r\n\r\n",
            "HTTP/1.1 200 O.K.\r\n\r\n",
            "HTTP/1.1 2x0 OK\r\n\r\n",
            "HTTP/1.1200 OK\r\n\r\n",
            " HTTP/1.1 200 OK\r\n\r\n",
            "HTTP/1.1 200 OK\n\r\n",
        };
        for (String text : bad) {
            assertFails("parse error", response(text));
        }
    }
}
