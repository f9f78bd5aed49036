package lem.lib.http;

import static lem.lib.http.HeadParserTest.assertFails;
import static lem.lib.http.HeadParserTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The HTTPChunk format: one chunk of a chunked body per read. */
class ChunkParserTest {
    private final ByteBuf in = Unpooled.buffer();

    private Varargs chunk(String... pieces) {
        return read(ChunkParser.INSTANCE, LuaValue.NONE, in, pieces);
    }

    private String rest() {
        return in.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void chunksOneByOneThenTheEnd() {
        in.writeBytes("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\nnext".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("hello", chunk().tojstring());
        assertEquals(" world", chunk().tojstring());
        assertEquals("", chunk().tojstring());
        assertEquals("next", rest());
    }

    @Test
    void hexSizesInEitherCase() {
        assertEquals(26, chunk("1A\r\n" + "x".repeat(26) + "\r\n").arg1().length());
        assertEquals(10, chunk("00a\r\n" + "y".repeat(10) + "\r\n").arg1().length());
    }

    @Test
    void extensionsAndTrailersAreSkipped() {
        assertEquals("abc", chunk("3;name=value ; other=\"x\"\r\nabc\r\n").tojstring());
        assertEquals("abc", chunk("3 ;x\r\nabc\r\n").tojstring());
        assertEquals("", chunk("0\r\nExpires: never\r\nX-Sum: 1\r\n\r\n").tojstring());
        assertEquals("", rest());
    }

    @Test
    void pieceByPieceWaits() {
        assertNull(chunk("4", "\r", "\nab", "cd"));
        in.clear();
        assertEquals("abcd", chunk("4", "\r", "\nab", "cd", "\r", "\n").tojstring());
    }

    @Test
    void malformedChunksAreParseErrors() {
        String[] bad = {"x\r\n", "\r\n", "5 \r\nhello\r\n", "5\nhello\r\n", "5\r\nhelloXX", "-1\r\n", "5x\r\nhello\r\n",
            "0\r\nTrailer: x\n\r\n", "0\r\n\r\r"};
        for (String text : bad) {
            in.clear();
            assertFails("parse error", chunk(text));
        }
    }

    @Test
    void aChunkOverTheMaximumIsOversizedBeforeItsData() {
        assertFails("oversized", read(ChunkParser.INSTANCE, LuaValue.valueOf(4), in, "5\r\n"));
        in.clear();
        assertFails("oversized", chunk("fffffffffffffffffff\r\n"));
    }

    @Test
    void overLongExtensionsAreOutOfBufferSpace() {
        assertFails("out of buffer space", chunk("1;" + "e".repeat(5000) + "\r\nx\r\n"));
    }
}
