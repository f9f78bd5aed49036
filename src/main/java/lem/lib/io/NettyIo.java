package lem.lib.io;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ManualIoEventLoop;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import java.nio.channels.spi.SelectorProvider;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayDeque;
import lem.runtime.Loop;
import lem.runtime.Poller;
import org.luaj.vm2.LuaError;

/**
 * Netty on lem's loop thread: a {@link ManualIoEventLoop} owned by that thread and driven by
 * the loop's waits (it becomes the loop's {@link Poller}), so channel events and Lua code never
 * cross threads. Native epoll where it loads, NIO otherwise.
 */
final class NettyIo implements Poller {
    /**
     * While I/O keeps arriving within this time of the loop going idle, the loop polls without
     * blocking for up to this long before it blocks in epoll_wait. A peer that sends to a loop
     * asleep in the kernel pays for waking it on every message (on a 2-core machine that cost
     * the echo benchmark's client about 15% of its round trips); a loop that is idle for longer
     * blocks at once, so an idle process spends nothing on this.
     */
    static final long SPIN_NANOS = 50_000;

    final ManualIoEventLoop eventLoop;
    final boolean epoll;
    /** How long the last wait for I/O lasted, spinning and blocking together. */
    private long lastWaitNanos = Long.MAX_VALUE;
    /** Streams holding output written during this turn of the loop (see ChannelStream). */
    private final ArrayDeque<ChannelStream> holding = new ArrayDeque<>();

    NettyIo(Loop loop) {
        // Netty's default leak check takes a stack trace for one buffer in 128, a cost on every
        // busy connection; it stays available to whoever sets the property to debug lem itself
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        eventLoop = new ManualIoEventLoop(Thread.currentThread(), factory);
        loop.usePoller(this);
    }

    /** A socket of the address family of {@code ipv6}, so that IPv4 and IPv6 servers can share a port. */
    SocketChannel newSocketChannel(boolean ipv6) {
        SocketProtocolFamily family = ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        return epoll ? new EpollSocketChannel(family) : new NioSocketChannel(SelectorProvider.provider(), family);
    }

    /** Unix domain sockets need the native transport. */
    Channel newUnixChannel() {
        requireEpoll("unix domain sockets");
        return new EpollDomainSocketChannel();
    }

    ServerChannel newUnixServerChannel() {
        requireEpoll("unix domain sockets");
        return new EpollServerDomainSocketChannel();
    }

    /** A channel on a connected socket lem did not open (io.fromfd), of its address family. */
    Channel adoptedSocket(int fd, boolean unix) {
        requireEpoll("sockets from io.fromfd");
        return unix ? new EpollDomainSocketChannel(fd) : new EpollSocketChannel(fd);
    }

    /** A channel on a listening socket lem did not open (io.fromfd). */
    ServerChannel adoptedServer(int fd, boolean unix) {
        requireEpoll("sockets from io.fromfd");
        return unix ? new EpollServerDomainSocketChannel(fd) : new EpollServerSocketChannel(fd);
    }

    private void requireEpoll(String what) {
        if (!epoll) {
            throw new LuaError(what + " need Netty's native epoll transport, which did not load here");
        }
    }

    ServerChannel newServerChannel(boolean ipv6) {
        SocketProtocolFamily family = ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        return epoll ? new EpollServerSocketChannel(family) : new NioServerSocketChannel(SelectorProvider.provider(), family);
    }

    @Override
    public void poll(long waitNanos) {
        flush();
        if (waitNanos <= 0) {
            eventLoop.run(NO_WAIT);
            return;
        }
        long start = System.nanoTime();
        if (lastWaitNanos < SPIN_NANOS) {
            long spinEnd = start + Math.min(SPIN_NANOS, waitNanos);
            do {
                if (eventLoop.run(NO_WAIT) > 0) {
                    lastWaitNanos = System.nanoTime() - start;
                    return;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() - spinEnd < 0);
            if (waitNanos != FOREVER) {
                waitNanos = Math.max(1, waitNanos - (System.nanoTime() - start));
            }
        }
        eventLoop.run(waitNanos == FOREVER ? UNTIL_WOKEN : waitNanos);
        lastWaitNanos = System.nanoTime() - start;
    }

    /** {@code stream} holds output to send before the loop polls. */
    void flushLater(ChannelStream stream) {
        holding.add(stream);
    }

    @Override
    public void flush() {
        ChannelStream stream;
        while ((stream = holding.poll()) != null) {
            stream.flushHeld();
        }
    }

    /** ManualIoEventLoop's waits: -1 does not block, 0 blocks until something happens. */
    private static final long NO_WAIT = -1;
    private static final long UNTIL_WOKEN = 0;

    /**
     * A task in Netty's own queue rather than a bare wakeup: the event loop checks its queue
     * after announcing that it is about to block, so a wakeup cannot fall into the gap between
     * the loop's last look at lem's posts and its epoll_wait.
     */
    @Override
    public void wakeup() {
        eventLoop.execute(NOTHING);
    }

    private static final Runnable NOTHING = () -> { };
}
