package lem.lib.io;

import io.netty.channel.Channel;
import io.netty.channel.ServerChannel;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A listening socket. It accepts only while a task waits in {@code accept} or {@code autospawn}
 * (auto-read off otherwise), so a busy server pushes back on new connections through the
 * kernel's backlog; connections accepted beyond demand wait in {@link #pending}.
 */
final class Server {
    static final Varargs INTERRUPTED = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("interrupted"));
    static final Varargs NOT_BUSY = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("not busy"));

    private final Loop loop;
    private final ServerChannel channel;
    private final StreamFactory streams;
    private final ArrayDeque<Channel> pending = new ArrayDeque<>();
    private boolean closed;
    private Task acceptor;
    /** The handler of autospawn, or null while a plain accept waits. */
    private LuaValue handler;

    /** Makes the Lua object for an accepted connection. */
    interface StreamFactory {
        LuaValue wrap(Channel channel);
    }

    Server(Loop loop, ServerChannel channel, StreamFactory streams) {
        this.loop = loop;
        this.channel = channel;
        this.streams = streams;
        channel.config().setAutoRead(false);
    }

    /** Called by the channel's acceptor for every new connection. */
    void accepted(Channel child) {
        if (closed) {
            child.close();
        } else if (acceptor != null && handler != null) {
            loop.spawn(handler, streams.wrap(child));
        } else if (acceptor != null) {
            Task t = finish();
            loop.wake(t, streams.wrap(child));
        } else {
            pending.add(child);
        }
    }

    Varargs accept() {
        if (closed) {
            return Stream.CLOSED;
        }
        if (acceptor != null) {
            return Stream.BUSY;
        }
        if (!pending.isEmpty()) {
            return streams.wrap(pending.poll());
        }
        return waitForConnections(null);
    }

    Varargs autospawn(LuaValue handler) {
        if (closed) {
            return Stream.CLOSED;
        }
        if (acceptor != null) {
            return Stream.BUSY;
        }
        while (!pending.isEmpty()) {
            loop.spawn(handler, streams.wrap(pending.poll()));
        }
        return waitForConnections(handler);
    }

    private Varargs waitForConnections(LuaValue spawnHandler) {
        acceptor = loop.current();
        handler = spawnHandler;
        loop.hold();
        channel.config().setAutoRead(true);
        return loop.beginWait(new Wait() {
            @Override
            public String describe() {
                return (handler != null ? "autospawn on " : "accept on ") + address();
            }

            @Override
            public void cancel() {
                finish();
            }
        });
    }

    Varargs interrupt() {
        if (acceptor == null) {
            return NOT_BUSY;
        }
        loop.wake(finish(), INTERRUPTED);
        return LuaValue.TRUE;
    }

    Varargs close() {
        if (closed) {
            return Stream.CLOSED;
        }
        if (acceptor != null) {
            interrupt();
        }
        closed = true;
        pending.forEach(Channel::close);
        pending.clear();
        channel.close();
        return LuaValue.TRUE;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isBusy() {
        return acceptor != null;
    }

    String address() {
        java.net.SocketAddress local = channel.localAddress();
        if (local == null) { // from io.fromfd: Netty does not look a unix socket's address up
            return "a listening socket";
        }
        return local instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() + ":" + inet.getPort()
                : String.valueOf(local);
    }

    private Task finish() {
        Task t = acceptor;
        acceptor = null;
        handler = null;
        channel.config().setAutoRead(false);
        loop.release();
        return t;
    }
}
