package lem.lib.http;

import io.netty.buffer.ByteBuf;
import lem.lib.io.Parser;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The read formats {@code 'HTTPRequest'} and {@code 'HTTPResponse'}: one message head (start
 * line, headers, blank line) by the grammar of reference 11.2, consumed exactly, so that a
 * body or a pipelined request stays buffered for the next read.
 *
 * <p>Two optional read arguments go beyond the C version: {@code maxhead}, the most bytes the
 * whole head may take (more gives {@code nil, 'out of buffer space'}, as one over-long token
 * does), and {@code strict}, which makes a repeated {@code Content-Length} or
 * {@code Transfer-Encoding} header a parse error: with "the last one wins", two parties could
 * disagree on where the body ends (request smuggling).
 */
final class HeadParser implements Parser {
    static final HeadParser REQUEST = new HeadParser(true);
    static final HeadParser RESPONSE = new HeadParser(false);

    /** The longest token (method, URI, header name or value, ...), as the C version's buffer holds it. */
    static final int MAX_TOKEN = 4094;

    static final Varargs PARSE_ERROR = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("parse error"));
    static final Varargs NO_SPACE = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("out of buffer space"));

    private static final LuaString METHOD = LuaValue.valueOf("method");
    private static final LuaString URI = LuaValue.valueOf("uri");
    private static final LuaString VERSION = LuaValue.valueOf("version");
    private static final LuaString STATUS = LuaValue.valueOf("status");
    private static final LuaString TEXT = LuaValue.valueOf("text");
    private static final LuaString HEADERS = LuaValue.valueOf("headers");
    private static final LuaString CONTENT_LENGTH = LuaValue.valueOf("content-length");
    private static final LuaString TRANSFER_ENCODING = LuaValue.valueOf("transfer-encoding");

    private final boolean request;

    private HeadParser(boolean request) {
        this.request = request;
    }

    @Override
    public Run start(Varargs args) {
        LuaValue max = args.arg1();
        if (!max.isnil() && !max.isnumber()) {
            throw new LuaError("bad argument #3 to 'read' (number expected, got " + max.typename() + ")");
        }
        long maxHead = max.isnil() ? Long.MAX_VALUE : Math.max(0, (long) max.todouble());
        return new Reader(request, maxHead, args.arg(2).toboolean());
    }

    // the states: each names what the next byte may be
    private static final int METHOD_START = 0;    // first byte of the method
    private static final int IN_METHOD = 1;
    private static final int URI_START = 2;       // spaces, then the URI
    private static final int IN_URI = 3;
    private static final int PROTOCOL_START = 4;  // spaces, then HTTP
    private static final int EXPECT_H = 5;
    private static final int EXPECT_T1 = 6;
    private static final int EXPECT_T2 = 7;
    private static final int EXPECT_P = 8;
    private static final int AFTER_PROTOCOL = 9;  // spaces, then '/'
    private static final int MAJOR_START = 10;    // spaces, then digits
    private static final int IN_MAJOR = 11;
    private static final int MINOR_START = 12;    // the first digit after '.'
    private static final int IN_MINOR = 13;
    private static final int STATUS_START = 14;   // spaces, then digits
    private static final int IN_STATUS = 15;
    private static final int TEXT_START = 16;     // spaces, then the reason
    private static final int IN_TEXT = 17;
    private static final int START_LINE_LF = 18;
    private static final int LINE_START = 19;     // a header, a continuation, or the blank line
    private static final int IN_NAME = 20;
    private static final int VALUE_START = 21;    // spaces before the value
    private static final int IN_VALUE = 22;
    private static final int VALUE_SPACE = 23;    // spaces inside the value: one is kept if more follows
    private static final int VALUE_LF = 24;
    private static final int END_LF = 25;

    // what a step may give instead of the next state
    private static final int ERROR = -1;
    private static final int FULL = -2;
    private static final int DONE = -3;

    /** One read of a head; tokens are copied out as they arrive, so the stream's buffer does not grow. */
    private static final class Reader implements Run {
        private final boolean request;
        private final long maxHead;
        private final boolean strict;
        /**
         * Sized for its four fields and the four lem.http.server adds (client, _conn, path,
         * _length), and for the usual few headers: LuaJ grows a table by rehashing it whole.
         */
        private final LuaTable head = new LuaTable(0, 8);
        private final LuaTable headers = new LuaTable(0, 8);
        /** The token being read; it grows as needed, up to MAX_TOKEN. */
        private byte[] token = new byte[64];
        private int length;
        private int state;
        private long consumed;
        /** The name of the header whose value is being read, until it is stored. */
        private LuaString name;
        private double status;

        Reader(boolean request, long maxHead, boolean strict) {
            this.request = request;
            this.maxHead = maxHead;
            this.strict = strict;
            this.state = request ? METHOD_START : EXPECT_H;
        }

        @Override
        public Varargs process(ByteBuf in) {
            int r = in.readerIndex();
            int end = in.writerIndex();
            long allowed = maxHead - consumed;
            int stop = allowed < end - r ? r + (int) allowed : end;
            // a stream's buffer is on the heap: its array is read without Netty's checks per byte
            byte[] array = in.hasArray() ? in.array() : null;
            int offset = array != null ? in.arrayOffset() : 0;
            while (r < stop) {
                byte b = array != null ? array[offset + r] : in.getByte(r);
                r++;
                state = step(b);
                if (state < 0) {
                    in.readerIndex(r);
                    return state == DONE ? head : state == FULL ? NO_SPACE : PARSE_ERROR;
                }
            }
            consumed += stop - in.readerIndex();
            in.readerIndex(stop);
            return stop < end ? NO_SPACE : null;
        }

        private int step(byte b) {
            byte cls = HttpChars.of(b);
            switch (state) {
                case METHOD_START:
                    return HttpChars.isToken(cls) ? append(b, IN_METHOD) : ERROR;
                case IN_METHOD:
                    if (cls == HttpChars.LWS) {
                        return store(METHOD, URI_START);
                    }
                    return HttpChars.isToken(cls) ? append(b, IN_METHOD) : ERROR;
                case URI_START:
                    if (cls == HttpChars.LWS) {
                        return URI_START;
                    }
                    return HttpChars.isControl(cls) ? ERROR : append(b, IN_URI);
                case IN_URI:
                    if (cls == HttpChars.LWS) {
                        return store(URI, PROTOCOL_START);
                    }
                    return HttpChars.isControl(cls) ? ERROR : append(b, IN_URI);
                case PROTOCOL_START:
                    if (cls == HttpChars.LWS) {
                        return PROTOCOL_START;
                    }
                    return cls == HttpChars.H ? EXPECT_T1 : ERROR;
                case EXPECT_H:
                    return cls == HttpChars.H ? EXPECT_T1 : ERROR;
                case EXPECT_T1:
                    return cls == HttpChars.T ? EXPECT_T2 : ERROR;
                case EXPECT_T2:
                    return cls == HttpChars.T ? EXPECT_P : ERROR;
                case EXPECT_P:
                    return cls == HttpChars.P ? AFTER_PROTOCOL : ERROR;
                case AFTER_PROTOCOL:
                    if (cls == HttpChars.LWS) {
                        return AFTER_PROTOCOL;
                    }
                    return cls == HttpChars.SLASH ? MAJOR_START : ERROR;
                case MAJOR_START:
                    if (cls == HttpChars.LWS) {
                        return MAJOR_START;
                    }
                    return cls == HttpChars.DIGIT ? append(b, IN_MAJOR) : ERROR;
                case IN_MAJOR:
                    return cls == HttpChars.DIGIT ? append(b, IN_MAJOR) : cls == HttpChars.DOT ? append(b, MINOR_START) : ERROR;
                case MINOR_START:
                    return cls == HttpChars.DIGIT ? append(b, IN_MINOR) : ERROR;
                case IN_MINOR:
                    if (cls == HttpChars.DIGIT) {
                        return append(b, IN_MINOR);
                    }
                    if (request) {
                        return cls == HttpChars.CR ? store(VERSION, START_LINE_LF) : ERROR;
                    }
                    return cls == HttpChars.LWS ? store(VERSION, STATUS_START) : ERROR;
                case STATUS_START:
                    if (cls == HttpChars.LWS) {
                        return STATUS_START;
                    }
                    return cls == HttpChars.DIGIT ? digit(b) : ERROR;
                case IN_STATUS:
                    if (cls == HttpChars.LWS) {
                        head.rawset(STATUS, LuaValue.valueOf(status));
                        length = 0;
                        return TEXT_START;
                    }
                    return cls == HttpChars.DIGIT ? digit(b) : ERROR;
                case TEXT_START:
                    if (cls == HttpChars.LWS) {
                        return TEXT_START;
                    }
                    return isReasonByte(cls) ? append(b, IN_TEXT) : ERROR;
                case IN_TEXT:
                    if (cls == HttpChars.CR) {
                        return store(TEXT, START_LINE_LF);
                    }
                    return isReasonByte(cls) || cls == HttpChars.LWS ? append(b, IN_TEXT) : ERROR;
                case START_LINE_LF:
                    return cls == HttpChars.LF ? LINE_START : ERROR;
                case LINE_START:
                    return lineStart(b, cls);
                case IN_NAME:
                    if (cls == HttpChars.COLON) {
                        name = LuaString.valueOf(token, 0, length);
                        length = 0;
                        return VALUE_START;
                    }
                    return HttpChars.isToken(cls) ? appendLowerCase(b) : ERROR;
                case VALUE_START:
                    if (cls == HttpChars.LWS) {
                        return VALUE_START;
                    }
                    if (cls == HttpChars.CR) {
                        return VALUE_LF;
                    }
                    return HttpChars.isControl(cls) ? ERROR : append(b, IN_VALUE);
                case IN_VALUE:
                    if (cls == HttpChars.LWS) {
                        return VALUE_SPACE;
                    }
                    if (cls == HttpChars.CR) {
                        return VALUE_LF;
                    }
                    return HttpChars.isControl(cls) ? ERROR : append(b, IN_VALUE);
                case VALUE_SPACE:
                    if (cls == HttpChars.LWS) {
                        return VALUE_SPACE;
                    }
                    if (cls == HttpChars.CR) {
                        return VALUE_LF;
                    }
                    if (HttpChars.isControl(cls)) {
                        return ERROR;
                    }
                    return append((byte) ' ', IN_VALUE) == FULL ? FULL : append(b, IN_VALUE);
                case VALUE_LF:
                    return cls == HttpChars.LF ? LINE_START : ERROR;
                case END_LF:
                    if (cls != HttpChars.LF) {
                        return ERROR;
                    }
                    head.rawset(HEADERS, headers);
                    return DONE;
                default:
                    throw new IllegalStateException("state " + state);
            }
        }

        /**
         * The first byte of a line after the start line: the blank line, a new header, or (after a
         * header) a continuation, which goes on with the value as if the line break were a space.
         */
        private int lineStart(byte b, byte cls) {
            if (cls == HttpChars.LWS && name != null) {
                return length == 0 ? VALUE_START : VALUE_SPACE;
            }
            if (cls == HttpChars.CR) {
                return storeHeader() ? END_LF : ERROR;
            }
            if (HttpChars.isToken(cls)) {
                return storeHeader() ? appendLowerCase(b) : ERROR;
            }
            return ERROR;
        }

        /** Stores the header read so far, if any; false when strict reading refuses a repeat. */
        private boolean storeHeader() {
            if (name == null) {
                return true;
            }
            if (strict && (name.eq_b(CONTENT_LENGTH) || name.eq_b(TRANSFER_ENCODING)) && !headers.rawget(name).isnil()) {
                return false;
            }
            headers.rawset(name, LuaString.valueOf(token, 0, length));
            name = null;
            length = 0;
            return true;
        }

        /** The reason phrase takes LWS, TSPECIAL, digits, H/T/P and ETC: not '/', ':' or '.'. */
        private static boolean isReasonByte(byte cls) {
            return cls == HttpChars.TSPECIAL || cls == HttpChars.DIGIT || cls >= HttpChars.H;
        }

        private int append(byte b, int next) {
            if (length == token.length) {
                if (length == MAX_TOKEN) {
                    return FULL;
                }
                token = java.util.Arrays.copyOf(token, Math.min(MAX_TOKEN, 2 * length));
            }
            token[length++] = b;
            return next;
        }

        private int appendLowerCase(byte b) {
            return append(b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b, IN_NAME);
        }

        private int digit(byte b) {
            if (length == MAX_TOKEN) {
                return FULL;
            }
            length++;
            status = status * 10 + (b - '0');
            return IN_STATUS;
        }

        private int store(LuaString field, int next) {
            head.rawset(field, LuaString.valueOf(token, 0, length));
            length = 0;
            return next;
        }
    }
}
