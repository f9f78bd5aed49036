package lem.lib.io;

import io.netty.buffer.ByteBuf;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** The built-in parsers of lem.parsers: available data, a byte count, a line, everything. */
final class Parsers {
    /** As much as one read of the C version gives: what is buffered, up to one buffer. */
    static final int BUFFER = 4096;

    private Parsers() {
    }

    static final Parser AVAILABLE = args -> in -> in.isReadable() ? Parser.take(in, Math.min(in.readableBytes(), BUFFER)) : null;

    static final Parser TARGET = args -> {
        int n = args.arg1().checkint();
        return in -> in.readableBytes() >= n ? Parser.take(in, n) : null;
    };

    static final Parser LINE = args -> {
        byte stop = stopByte(args.arg1());
        return in -> {
            int at = in.indexOf(in.readerIndex(), in.writerIndex(), stop);
            if (at < 0) {
                return null;
            }
            LuaString line = Parser.take(in, at - in.readerIndex());
            in.skipBytes(1);
            return line;
        };
    };

    static final Parser ALL = args -> new Parser.Run() {
        @Override
        public Varargs process(ByteBuf in) {
            return null;
        }

        @Override
        public Varargs end(ByteBuf in, boolean error) {
            return error ? null : Parser.take(in, in.readableBytes());
        }
    };

    /** The stop byte of '*l': the first byte of the argument, NUL for "", newline by default. */
    private static byte stopByte(LuaValue arg) {
        if (arg.isnil()) {
            return '\n';
        }
        if (!arg.isstring()) {
            throw new LuaError("bad argument #3 to 'read' (string expected, got " + arg.typename() + ")");
        }
        LuaString s = arg.strvalue();
        return s.length() == 0 ? 0 : s.m_bytes[s.m_offset];
    }
}
