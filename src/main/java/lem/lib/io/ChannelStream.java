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
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** A Stream over a Netty channel (TCP or unix socket), with auto-read off. */
final class ChannelStream extends Stream {
    private final Channel channel;

    ChannelStream(Loop loop, Channel channel) {
        super(loop);
        this.channel = channel;
        channel.config().setAutoRead(false);
        channel.pipeline().addLast(new Events());
    }

    @Override
    protected void requestInput() {
        channel.read();
    }

    @Override
    protected Varargs startWrite(LuaString[] parts) {
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
            return last.isSuccess() ? LuaValue.TRUE : writeFailed(last.cause());
        }
        last.addListener(f -> {
            if (f.isSuccess()) {
                written(LuaValue.TRUE);
            } else {
                writeFailed(f.cause());
            }
        });
        return null;
    }

    @Override
    protected void release() {
        channel.close();
    }

    @Override
    Varargs peer() {
        if (isClosed()) {
            return CLOSED;
        }
        if (channel.remoteAddress() instanceof InetSocketAddress inet) {
            return LuaValue.varargsOf(LuaValue.valueOf(inet.getAddress().getHostAddress().replaceFirst("%.*$", "")),
                    LuaValue.valueOf(inet.getPort()));
        }
        return super.peer();
    }

    @Override
    String describe() {
        SocketAddress remote = channel.remoteAddress();
        return remote instanceof InetSocketAddress inet
                ? "tcp " + inet.getAddress().getHostAddress() + ":" + inet.getPort()
                : String.valueOf(remote);
    }

    /** Netty's side of the stream. */
    private final class Events extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            received((ByteBuf) msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (wantsInput()) {
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
    }
}
