package lem.lib.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.PeerCredentials;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import lem.runtime.Loop;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A Stream over a Netty channel (TCP or unix socket). It reads ahead while less than
 * {@link #READ_AHEAD} bytes wait in its buffer, so a request-response exchange costs no change
 * of the socket's epoll interest; beyond that it reads only for a reader that needs more, so a
 * peer that sends faster than the Lua code reads is held back by TCP.
 *
 * <p>A write of up to {@link #HOLD_LIMIT} bytes to a socket whose earlier output has all gone
 * out is done at once: its bytes wait in the channel until the running coroutines have had their
 * turn, and {@link NettyIo} then sends all such output before it polls. A server answering many
 * connections thus sends its answers one after another, and a peer asleep in epoll_wait is woken
 * once for them all rather than once for each (on 2 cores, waking wrk's threads took 11% of the
 * HTTP server's time). Like the kernel's socket buffer, a held write that fails shows on the
 * stream's next call. Output that does not go out at once makes the next write wait, so a peer
 * that does not read still holds writers back.
 */
final class ChannelStream extends Stream {
    static final int READ_AHEAD = 64 * 1024;
    /** The most bytes held back for the end of the loop's turn. */
    static final int HOLD_LIMIT = 64 * 1024;
    /** How long a closed socket may wait for a peer to take what write() took. */
    static final int LINGER_SECONDS = 30;

    private final NettyIo io;
    private final Channel channel;
    /** Bytes written since the last flush, held for {@link #flushHeld}. */
    private int held;
    /** The last held write; the channel closes after it, so that close() loses none of it. */
    private ChannelFuture lastHeld;
    /** A held write that failed closes the stream; its next call tells why. */
    private final ChannelFutureListener heldDone = f -> {
        if (!f.isSuccess()) {
            writeFailed(f.cause());
        }
    };

    ChannelStream(Loop loop, NettyIo io, Channel channel) {
        super(loop);
        this.io = io;
        this.channel = channel;
        channel.config().setAutoRead(false);
        // a peer that shuts down its sending side still reads: an HTTP client half-closes after
        // its request and waits for the answer; Netty would close the whole channel
        channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        channel.pipeline().addLast(new Events());
    }

    @Override
    protected void requestInput() {
        if (buffered() < READ_AHEAD) {
            readAhead(true);
        } else {
            channel.read(); // a parser that needs more than the read-ahead: one more read for it
        }
    }

    @Override
    protected void afterReceive() {
        if (buffered() >= READ_AHEAD) {
            readAhead(false);
        }
    }

    @Override
    protected void afterTake() {
        if (!readingAhead() && buffered() < READ_AHEAD / 2 && !isClosed()) {
            readAhead(true);
        }
    }

    /** Reading ahead is Netty's auto-read. */
    private boolean readingAhead() {
        return channel.config().isAutoRead();
    }

    private void readAhead(boolean on) {
        if (readingAhead() != on) {
            channel.config().setAutoRead(on);
        }
    }

    @Override
    protected Varargs startWrite(LuaString[] parts) {
        long size = 0;
        for (LuaString part : parts) {
            size += part.m_length;
        }
        if (size == 0) {
            return LuaValue.TRUE;
        }
        boolean hold = held + size <= HOLD_LIMIT && (held > 0 || allSent());
        ChannelFuture last = null;
        for (LuaString part : parts) {
            if (part.m_length > 0) {
                last = channel.write(Unpooled.wrappedBuffer(part.m_bytes, part.m_offset, part.m_length));
            }
        }
        if (hold) {
            if (held == 0) {
                io.flushLater(this);
            }
            held += (int) size;
            lastHeld = last;
            last.addListener(heldDone);
            return LuaValue.TRUE;
        }
        flushHeld();
        return whenWritten(last, LuaValue.TRUE);
    }

    /** True when nothing written earlier still waits to go out. */
    private boolean allSent() {
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        return channel.isActive() && (pending == null || pending.isEmpty());
    }

    /** Sends the held output (NettyIo, before it polls). */
    void flushHeld() {
        held = 0;
        channel.flush();
    }

    /** {@code success} at once if the write is done, else null and the result later through written(). */
    private Varargs whenWritten(ChannelFuture future, Varargs success) {
        if (future.isDone()) {
            return future.isSuccess() ? success : writeFailed(future.cause());
        }
        future.addListener(f -> {
            if (f.isSuccess()) {
                written(success);
            } else {
                writeFailed(f.cause());
            }
        });
        return null;
    }

    @Override
    protected void release() {
        if (held > 0) {
            flushHeld();
        }
        if (lastHeld != null && !lastHeld.isDone()) {
            lingerUntilSent(lastHeld);
        } else {
            channel.close();
        }
    }

    /**
     * What write() took goes out before the socket closes, as the kernel does for a closed
     * socket; a peer that does not read holds the socket at most {@link #LINGER_SECONDS}.
     */
    private void lingerUntilSent(ChannelFuture sent) {
        ScheduledFuture<?> limit = channel.eventLoop().schedule(() -> {
            channel.close();
        }, LINGER_SECONDS, TimeUnit.SECONDS);
        sent.addListener(f -> {
            limit.cancel(false);
            channel.close();
        });
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
        if (channel instanceof EpollDomainSocketChannel unix) {
            try {
                PeerCredentials who = unix.peerCredentials();
                return LuaValue.varargsOf(LuaValue.valueOf("*unix"), LuaValue.valueOf(who.uid()), LuaValue.valueOf(who.gids().length > 0 ? who.gids()[0] : -1));
            } catch (java.io.IOException e) {
                return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(IoErrors.text(e)));
            }
        }
        return super.peer();
    }

    /** cork/uncork: TCP_CORK holds partial frames back until uncorked (Linux, TCP only). */
    Varargs cork(boolean on) {
        if (isClosed()) {
            return CLOSED;
        }
        if (isWriting()) {
            return BUSY;
        }
        if (!(channel instanceof EpollSocketChannel)) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("Operation not supported"));
        }
        channel.config().setOption(EpollChannelOption.TCP_CORK, on);
        return LuaValue.TRUE;
    }

    /** sendfile: {@code size} bytes of {@code file} from {@code offset}, as the stream's write. */
    Varargs sendFile(java.nio.channels.FileChannel file, long offset, long size) {
        return write(() -> whenWritten(channel.writeAndFlush(new DefaultFileRegion(file, offset, size)), LuaValue.valueOf(size)));
    }

    @Override
    String describe() {
        SocketAddress remote = channel.remoteAddress();
        if (remote == null) { // from io.fromfd: Netty does not look a unix socket's addresses up
            return channel instanceof EpollDomainSocketChannel ? "unix socket" : "socket";
        }
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
            if (!readingAhead() && wantsInput()) {
                ctx.read();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            inputEnded(false);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent) {
                inputEnded(false);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            inputEnded(!IoErrors.isPeerGone(IoErrors.text(cause)));
        }
    }
}
