package lem.lib.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A lem Stream over a Netty channel. The channel reads only while a Lua reader waits (auto-read
 * off), so a slow reader holds the peer back instead of lem buffering without bound; a writer
 * waits until the kernel has taken its data. One reader and one writer at a time.
 */
final class Stream {
    static final Varargs CLOSED = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("closed"));
    static final Varargs BUSY = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("busy"));

    private final Loop loop;
    private final Channel channel;
    private final ByteBuf input = Unpooled.buffer(0);
    private boolean closed;
    private boolean inputEnded;
    private Task reader;
    private Parser.Run readerRun;
    private Task writer;

    Stream(Loop loop, Channel channel) {
        this.loop = loop;
        this.channel = channel;
        channel.config().setAutoRead(false);
        channel.pipeline().addLast(new Events());
    }

    boolean isClosed() {
        return closed;
    }

    /** read with a parser: from the buffer at once if it can, else waiting for data. */
    Varargs read(Parser parser, Varargs args) {
        if (closed) {
            return CLOSED;
        }
        if (reader != null) {
            return BUSY;
        }
        Parser.Run run = parser.start(args);
        Varargs result = run.process(input);
        if (result != null) {
            return result;
        }
        if (inputEnded) {
            return end(run, false);
        }
        reader = loop.current();
        readerRun = run;
        loop.hold();
        channel.read();
        return loop.await(new Wait() {
            @Override
            public String describe() {
                return "read on " + describeChannel();
            }

            @Override
            public void cancel() {
                finishRead();
            }
        });
    }

    /** write: true once the kernel took every argument, or nil and why. */
    Varargs write(LuaString[] parts) {
        if (closed) {
            return CLOSED;
        }
        if (writer != null) {
            return BUSY;
        }
        ChannelFuture last = null;
        for (LuaString part : parts) {
            if (part.m_length > 0) {
                last = channel.write(Unpooled.wrappedBuffer(part.m_bytes, part.m_offset, part.m_length));
            }
        }
        if (last == null) {
            return LuaValue.TRUE;
        }
        channel.flush();
        if (last.isDone()) {
            return writeResult(last);
        }
        writer = loop.current();
        loop.hold();
        ChannelFuture awaited = last;
        awaited.addListener(f -> {
            if (writer != null) {
                Task w = finishWrite();
                loop.wake(w, writeResult(awaited));
            }
        });
        return loop.await(new Wait() {
            @Override
            public String describe() {
                return "write on " + describeChannel();
            }

            @Override
            public void cancel() {
                finishWrite();
            }
        });
    }

    private Varargs writeResult(ChannelFuture f) {
        if (f.isSuccess()) {
            return LuaValue.TRUE;
        }
        String why = IoErrors.text(f.cause());
        close();
        return IoErrors.isPeerGone(why) ? CLOSED : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(why));
    }

    /** close: wakes a pending reader and writer with nil, 'closed'. */
    Varargs close() {
        if (closed) {
            return CLOSED;
        }
        closed = true;
        if (reader != null) {
            loop.wake(finishRead(), CLOSED);
        }
        if (writer != null) {
            loop.wake(finishWrite(), CLOSED);
        }
        input.release();
        channel.close();
        return LuaValue.TRUE;
    }

    /** getpeer: address and port of the other end. */
    Varargs peer() {
        if (closed) {
            return CLOSED;
        }
        SocketAddress remote = channel.remoteAddress();
        if (remote instanceof InetSocketAddress inet) {
            return LuaValue.varargsOf(LuaValue.valueOf(inet.getAddress().getHostAddress().replaceFirst("%.*$", "")),
                    LuaValue.valueOf(inet.getPort()));
        }
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("Socket operation on non-socket"));
    }

    private String describeChannel() {
        SocketAddress remote = channel.remoteAddress();
        return remote instanceof InetSocketAddress inet
                ? "tcp " + inet.getAddress().getHostAddress() + ":" + inet.getPort()
                : String.valueOf(remote);
    }

    private Task finishRead() {
        Task t = reader;
        reader = null;
        readerRun = null;
        loop.release();
        return t;
    }

    private Task finishWrite() {
        Task t = writer;
        writer = null;
        loop.release();
        return t;
    }

    private Varargs end(Parser.Run run, boolean error) {
        Varargs result = run.end(input, error);
        if (!closed) {
            close();
        }
        return result != null ? result : CLOSED;
    }

    /** Netty's side: data and the end of input go to the waiting reader. */
    private final class Events extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf data = (ByteBuf) msg;
            try {
                if (!closed) {
                    input.writeBytes(data);
                }
            } finally {
                data.release();
            }
            if (reader != null) {
                Varargs result = readerRun.process(input);
                if (result != null) {
                    loop.wake(finishRead(), result);
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (reader != null && !closed) {
                ctx.read();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inputEnded(false);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            inputEnded(!IoErrors.isPeerGone(IoErrors.text(cause)));
        }

        private void inputEnded(boolean error) {
            inputEnded = true;
            if (reader != null) {
                Parser.Run run = readerRun;
                Task t = finishRead();
                loop.wake(t, end(run, error));
            }
        }
    }
}
