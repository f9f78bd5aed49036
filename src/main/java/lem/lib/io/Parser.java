package lem.lib.io;

import io.netty.buffer.ByteBuf;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Varargs;

/**
 * A reader of buffered input, as lem.parsers registers them: {@code '*l'}, {@code '*a'}, byte
 * counts, and later HTTP heads. A parser turns the bytes of a stream into the results of one
 * {@code read} call; Java modules add their own through {@link ParsersLib#register}.
 */
public interface Parser {
    /** One read in progress, with whatever state it keeps between arrivals of data. */
    interface Run {
        /** Consumes what it needs from {@code in}; returns the results, or null to wait for more. */
        Varargs process(ByteBuf in);

        /** The input ended ({@code error} false: closed by the peer); results, or null for the default failure. */
        default Varargs end(ByteBuf in, boolean error) {
            return null;
        }
    }

    /** Starts a read; {@code args} are the read call's arguments after the format. */
    Run start(Varargs args);

    /** {@code n} bytes of {@code in} as a Lua string. */
    static LuaString take(ByteBuf in, int n) {
        byte[] bytes = new byte[n];
        in.readBytes(bytes);
        return LuaString.valueUsing(bytes);
    }
}
