package lem.lib.http;

import io.netty.buffer.ByteBuf;
import lem.lib.io.Parser;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The read format {@code 'HTTPChunk'} (not in the C version): one chunk of a body sent with
 * {@code Transfer-Encoding: chunked}. {@code read('HTTPChunk' [, max])} gives the chunk's data,
 * or {@code ""} once the last chunk and the trailer lines after it are read (trailers are
 * skipped). Chunk extensions are skipped. A chunk larger than {@code max} gives
 * {@code nil, 'oversized'} before its data is read; a malformed size line, a missing CR LF
 * after the data or a bare LF gives {@code nil, 'parse error'}; an extension or trailer line
 * longer than a head token gives {@code nil, 'out of buffer space'}.
 */
final class ChunkParser implements Parser {
    static final ChunkParser INSTANCE = new ChunkParser();

    static final Varargs OVERSIZED = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("oversized"));

    /** The most data one read can give without a max: what a Java array holds. */
    private static final long LARGEST = Integer.MAX_VALUE - 16;

    private ChunkParser() {
    }

    @Override
    public Run start(Varargs args) {
        LuaValue max = args.arg1();
        if (!max.isnil() && !max.isnumber()) {
            throw new LuaError("bad argument #3 to 'read' (number expected, got " + max.typename() + ")");
        }
        return new Reader(max.isnil() ? LARGEST : Math.max(0, Math.min(LARGEST, (long) max.todouble())));
    }

    private static final int SIZE_START = 0;   // the first hex digit
    private static final int IN_SIZE = 1;
    private static final int EXT_START = 2;    // spaces, then ';'
    private static final int IN_EXT = 3;
    private static final int SIZE_LF = 4;
    private static final int DATA = 5;
    private static final int TRAILER_START = 6; // a trailer line or the blank line that ends the body
    private static final int IN_TRAILER = 7;
    private static final int TRAILER_LF = 8;
    private static final int END_LF = 9;

    private static final int ERROR = -1;
    private static final int FULL = -2;
    private static final int TOO_BIG = -3;
    private static final int DONE = -4;

    private static final class Reader implements Run {
        private final long max;
        private int state = SIZE_START;
        private long size;
        /** Bytes of the extension or trailer line being skipped. */
        private int lineLength;

        Reader(long max) {
            this.max = max;
        }

        @Override
        public Varargs process(ByteBuf in) {
            while (in.isReadable()) {
                if (state == DATA) {
                    return data(in);
                }
                state = step(in.readByte());
                switch (state) {
                    case ERROR:
                        return HeadParser.PARSE_ERROR;
                    case FULL:
                        return HeadParser.NO_SPACE;
                    case TOO_BIG:
                        return OVERSIZED;
                    case DONE:
                        return LuaValue.EMPTYSTRING;
                    default:
                        break;
                }
            }
            return null;
        }

        /** The chunk's data once it and the CR LF after it are all there. */
        private Varargs data(ByteBuf in) {
            if (in.readableBytes() < size + 2) {
                return null;
            }
            Varargs chunk = Parser.take(in, (int) size);
            return in.readByte() == '\r' && in.readByte() == '\n' ? chunk : HeadParser.PARSE_ERROR;
        }

        private int step(byte b) {
            byte cls = HttpChars.of(b);
            switch (state) {
                case SIZE_START:
                    return hex(b) < 0 ? ERROR : addDigit(b);
                case IN_SIZE:
                    if (hex(b) >= 0) {
                        return addDigit(b);
                    }
                    return afterSize(b, cls);
                case EXT_START:
                    return afterSize(b, cls);
                case IN_EXT:
                    return lineByte(cls, IN_EXT, SIZE_LF);
                case SIZE_LF:
                    if (cls != HttpChars.LF) {
                        return ERROR;
                    }
                    return size == 0 ? TRAILER_START : DATA;
                case TRAILER_START:
                    if (cls == HttpChars.CR) {
                        return END_LF;
                    }
                    lineLength = 0;
                    return lineByte(cls, IN_TRAILER, TRAILER_LF);
                case IN_TRAILER:
                    return lineByte(cls, IN_TRAILER, TRAILER_LF);
                case TRAILER_LF:
                    return cls == HttpChars.LF ? TRAILER_START : ERROR;
                case END_LF:
                    return cls == HttpChars.LF ? DONE : ERROR;
                default:
                    throw new IllegalStateException("state " + state);
            }
        }

        /** After the digits: spaces before an extension, the extension's ';', or the end of the line. */
        private int afterSize(byte b, byte cls) {
            if (cls == HttpChars.LWS) {
                return EXT_START;
            }
            if (b == ';') {
                lineLength = 0;
                return IN_EXT;
            }
            return cls == HttpChars.CR && state == IN_SIZE ? SIZE_LF : ERROR;
        }

        /** A byte of a skipped line (extension or trailer): anything but control bytes, until CR. */
        private int lineByte(byte cls, int same, int atCr) {
            if (cls == HttpChars.CR) {
                return atCr;
            }
            if (HttpChars.isControl(cls)) {
                return ERROR;
            }
            return ++lineLength > HeadParser.MAX_TOKEN ? FULL : same;
        }

        private int addDigit(byte b) {
            size = size * 16 + hex(b);
            return size > max ? TOO_BIG : IN_SIZE;
        }

        private static int hex(byte b) {
            if (b >= '0' && b <= '9') {
                return b - '0';
            }
            int lower = b | 0x20;
            return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
        }
    }
}
