package lem.lib.io;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import lem.lib.LemFunction;
import lem.runtime.ChildExits;
import lem.runtime.Loop;
import lem.runtime.WaitingFunction;
import lem.runtime.Wait;
import lem.runtime.WorkerPool;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code lem.io.core}: streams, servers and TCP on Netty. lem/io.lua adds the Lua parts (read,
 * lines, MultiServer, tcp.listen, the io.input/output helpers) to the same table.
 */
public final class IoLib {
    /**
     * The listen backlog when none is given. The C version's 50 dropped connections: 64 clients
     * connecting at once (wrk -c64) overflowed it before the loop had accepted them, and each
     * dropped SYN cost its client a second. 511 is Node's and nginx's default (the kernel caps
     * it at net.core.somaxconn).
     */
    static final int DEFAULT_BACKLOG = 511;

    /** IPV6_V6ONLY (IPPROTO_IPV6 = 41, option 26 on Linux): listen6 takes IPv6 only, as lem's does. */
    private static final IntegerUnixChannelOption V6_ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);
    /** The lem Server of a listening channel, for the connections it accepts. */
    private static final io.netty.util.AttributeKey<Server> SERVER = io.netty.util.AttributeKey.valueOf("lem.server");

    private final Loop loop;
    private final WorkerPool pool;
    private final NettyIo netty;
    private final ChildExits children;
    private final LuaTable streamMeta = new LuaTable();
    private final LuaTable serverMeta = new LuaTable();
    private final LuaTable fileMeta = new LuaTable();

    public IoLib(Loop loop, WorkerPool pool, ChildExits children) {
        this.loop = loop;
        this.pool = pool;
        this.children = children;
        this.netty = new NettyIo(loop);
        streamMeta.set("__index", streamMeta);
        serverMeta.set("__index", serverMeta);
        fileMeta.set("__index", fileMeta);
        streamMethods();
        serverMethods();
        fileMethods();
    }

    public LuaTable module() {
        LuaTable m = new LuaTable();
        m.set("Stream", streamMeta);
        m.set("Server", serverMeta);
        m.set("File", fileMeta);
        Files files = new Files(loop, pool, this::wrapFile, this::wrapPipe);
        m.set("open", new LemFunction("open") {
            @Override
            public Varargs invoke(Varargs args) {
                if (!args.arg1().isstring()) {
                    throw typeError(args, 1, "string");
                }
                String mode = args.isnil(2) ? "r" : args.arg(2).checkjstring();
                int perm = args.isnil(3) ? -1 : (int) checkNumber(args, 3);
                if (!Files.validPermissions(args.isnil(3) ? -1 : checkNumber(args, 3))) {
                    throw argError(3, "invalid permissions");
                }
                return files.open(args.arg1().tojstring(), Files.parseMode(mode), perm);
            }
        });
        m.set("streamfile", new LemFunction("streamfile") {
            @Override
            public Varargs invoke(Varargs args) {
                if (!args.arg1().isstring()) {
                    throw typeError(args, 1, "string");
                }
                return files.streamFile(args.arg1().tojstring());
            }
        });
        m.set("popen", new LemFunction("popen") {
            @Override
            public Varargs invoke(Varargs args) {
                if (!args.arg1().isstring()) {
                    throw typeError(args, 1, "string");
                }
                String mode = args.isnil(2) ? "r" : args.arg(2).checkjstring();
                if (!mode.equals("r") && !mode.equals("w") && !mode.equals("rw")) {
                    throw argError(2, "invalid option '" + mode + "'");
                }
                return popen(args.arg1().tojstring(), mode);
            }
        });
        FromFd fromFd = new FromFd(loop, pool, new FromFd.Objects() {
            @Override
            public LuaValue file(LuaFile file) {
                return wrapFile(file);
            }

            @Override
            public LuaValue stream(Stream stream) {
                return wrapPipe(stream);
            }

            @Override
            public Varargs socket(Descriptor socket) {
                return adoptSocket(socket);
            }

            @Override
            public Varargs server(Descriptor server) {
                return adoptServer(server);
            }
        }, netty.epoll);
        m.set("fromfd", new LemFunction("fromfd") {
            @Override
            public Varargs invoke(Varargs args) {
                int fd = checkInt(args, 1);
                if (fd < 0) {
                    throw argError(1, "invalid fd");
                }
                return fromFd.wrap(fd);
            }
        });
        m.set("stdin", wrapPipe(new PipeStream(loop, "stdin", loop.globals().STDIN, null, false)));
        m.set("stdout", wrapPipe(new PipeStream(loop, "stdout", null, printing(loop.globals().STDOUT), true)));
        m.set("stderr", wrapPipe(new PipeStream(loop, "stderr", null, printing(loop.globals().STDERR), true)));
        LuaTable tcp = new LuaTable();
        tcp.set("connect", new LemFunction("connect") {
            @Override
            public Varargs invoke(Varargs args) {
                return connect(hostArg(this, args, 1), portArg(this, args, 2), family(this, args, 3));
            }
        });
        tcp.set("listen4", listener("listen4", false));
        tcp.set("listen6", listener("listen6", true));
        m.set("tcp", tcp);
        LuaTable unix = new LuaTable();
        unix.set("connect", new LemFunction("connect") {
            @Override
            public Varargs invoke(Varargs args) {
                return unixConnect(unixPath(this, args));
            }
        });
        unix.set("listen", new LemFunction("listen") {
            @Override
            public Varargs invoke(Varargs args) {
                String path = unixPath(this, args);
                double perm = args.isnil(2) ? -1 : checkNumber(args, 2);
                if (!Files.validPermissions(perm)) {
                    throw argError(2, "invalid permissions");
                }
                int backlog = args.isnil(3) ? DEFAULT_BACKLOG : checkIntInRange(args, 3, 0, Integer.MAX_VALUE);
                return unixListen(path, (int) perm, backlog);
            }
        });
        m.set("unix", unix);
        return m;
    }

    // ---- streams -------------------------------------------------------------------------

    private LuaValue wrap(Channel channel) {
        return new LuaUserdata(new ChannelStream(loop, netty, channel), streamMeta);
    }

    /** A method whose whole work is one call on the object it is called on. */
    private static <T> LemFunction method(String name, Class<T> type, String typeName, java.util.function.Function<T, Varargs> call) {
        return LemFunction.of(name, (self, args) -> call.apply(self.checkUserdata(args, 1, type, typeName)));
    }

    /**
     * readp, write, close and closed, the methods Streams and Files share. A Stream's readp and
     * write are waiting functions (a task waiting on a stream keeps no Java frame); a File's
     * wait inside, on the worker pool.
     */
    private void endpointMethods(LuaTable meta, Class<? extends Endpoint> type, String typeName, boolean waiting) {
        meta.set("readp", endpointFunction("readp", waiting, (self, args) -> {
            Endpoint e = self.checkUserdata(args, 1, type, typeName);
            Object parser = args.arg(2).touserdata(Parser.class);
            if (parser == null) {
                throw self.argError(2, "expected userdata");
            }
            return e.read((Parser) parser, args.subargs(3));
        }));
        meta.set("write", endpointFunction("write", waiting,
                (self, args) -> self.checkUserdata(args, 1, type, typeName).write(writeArgs(self, args))));
        meta.set("close", method("close", type, typeName, Endpoint::close));
        meta.set("closed", method("closed", type, typeName, e -> LuaValue.valueOf(e.isClosed())));
    }

    private LemFunction endpointFunction(String name, boolean waiting, LemFunction.Body body) {
        return waiting ? WaitingFunction.of(name, loop, body) : LemFunction.of(name, body);
    }

    private void streamMethods() {
        endpointMethods(streamMeta, Stream.class, "stream", true);
        streamMeta.set("cork", method("cork", Stream.class, "stream", x -> cork(x, true)));
        streamMeta.set("uncork", method("uncork", Stream.class, "stream", x -> cork(x, false)));
        streamMeta.set("sendfile", new WaitingFunction("sendfile", loop) {
            @Override
            protected Varargs begin(Varargs args) {
                Stream s = checkUserdata(args, 1, Stream.class, "stream");
                LuaFile file = checkUserdata(args, 2, LuaFile.class, "file");
                long size = (long) checkNumber(args, 3);
                long offset = args.isnil(4) ? 0 : (long) checkNumber(args, 4);
                if (s.isClosed()) {
                    return Stream.CLOSED;
                }
                if (file.isClosed()) {
                    return failure("file closed");
                }
                if (!(s instanceof ChannelStream socket)) {
                    return failure("Socket operation on non-socket");
                }
                return socket.sendFile(file.channel(), offset, size);
            }
        });
        streamMeta.set("getpeer", method("getpeer", Stream.class, "stream", Stream::peer));
    }

    /** The arguments of write: strings or numbers (as text), at least one. */
    static LuaString[] writeArgs(LemFunction f, Varargs args) {
        int n = args.narg() - 1;
        if (n < 1) {
            throw f.typeError(args, 2, "string");
        }
        LuaString[] parts = new LuaString[n];
        for (int i = 0; i < n; i++) {
            LuaValue v = args.arg(i + 2);
            if (!v.isstring()) {
                throw f.typeError(args, i + 2, "string");
            }
            parts[i] = v.strvalue();
        }
        return parts;
    }

    private LuaValue wrapPipe(Stream stream) {
        return new LuaUserdata(stream, streamMeta);
    }

    private LuaValue wrapFile(LuaFile file) {
        return new LuaUserdata(file, fileMeta);
    }

    /** stdout and stderr write through lem's own print streams, so that print and write keep their order. */
    static java.io.OutputStream printing(java.io.PrintStream target) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) {
                target.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                target.write(b, off, len);
            }

            @Override
            public void flush() throws java.io.IOException {
                target.flush();
                if (target.checkError()) {
                    throw new java.io.IOException("Broken pipe");
                }
            }

            @Override
            public void close() {
                target.flush();
            }
        };
    }

    /** popen: /bin/sh -c cmd, with a Stream on the child's stdout ("r"), stdin ("w") or both. */
    private Varargs popen(String command, String mode) {
        loop.globals().STDOUT.flush();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(mode.contains("w") ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(mode.contains("r") ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT);
        Process process;
        try {
            process = builder.start();
        } catch (java.io.IOException e) {
            return failure(lem.runtime.OsErrors.message(e));
        }
        children.started(process);
        Stream stream = new PipeStream(loop, "pipe to '" + command + "'",
                mode.contains("r") ? process.getInputStream() : null,
                mode.contains("w") ? process.getOutputStream() : null, false);
        return LuaValue.varargsOf(wrapPipe(stream), LuaValue.valueOf(process.pid()));
    }

    private void fileMethods() {
        endpointMethods(fileMeta, LuaFile.class, "file", false);
        fileMeta.set("seek", new LemFunction("seek") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaFile f = checkUserdata(args, 1, LuaFile.class, "file");
                String whence = args.isnil(2) ? "cur" : args.arg(2).checkjstring();
                if (!whence.equals("set") && !whence.equals("cur") && !whence.equals("end")) {
                    throw argError(2, "invalid option '" + whence + "'");
                }
                double offset = args.isnil(3) ? 0 : checkNumber(args, 3);
                if (offset != Math.floor(offset)) {
                    throw argError(3, "not an integer in proper range");
                }
                return f.seek(whence, (long) offset);
            }
        });
        fileMeta.set("size", method("size", LuaFile.class, "file", LuaFile::size));
        fileMeta.set("lock", new LemFunction("lock") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaFile f = checkUserdata(args, 1, LuaFile.class, "file");
                String mode = checkOption(args, 2, null, "r", "w", "u");
                return f.lock(mode, optInteger(args, 3, 0), optInteger(args, 4, 0));
            }
        });
    }

    // ---- servers -------------------------------------------------------------------------

    private void serverMethods() {
        serverMeta.set("accept", WaitingFunction.of("accept", loop,
                (self, args) -> self.checkUserdata(args, 1, Server.class, "server").accept()));
        serverMeta.set("autospawn", new WaitingFunction("autospawn", loop) {
            @Override
            protected Varargs begin(Varargs args) {
                Server s = checkUserdata(args, 1, Server.class, "server");
                return s.autospawn(checkFunction(args, 2));
            }
        });
        serverMeta.set("interrupt", method("interrupt", Server.class, "server", Server::interrupt));
        serverMeta.set("close", method("close", Server.class, "server", Server::close));
        serverMeta.set("closed", method("closed", Server.class, "server", x -> LuaValue.valueOf(x.isClosed())));
        serverMeta.set("busy", method("busy", Server.class, "server", x -> LuaValue.valueOf(x.isBusy())));
    }

    private LemFunction listener(String name, boolean ipv6) {
        return new LemFunction(name) {
            @Override
            public Varargs invoke(Varargs args) {
                String host = hostArg(this, args, 1);
                String port = portArg(this, args, 2);
                int backlog = args.isnil(3) ? DEFAULT_BACKLOG : checkIntInRange(args, 3, 0, Integer.MAX_VALUE);
                return listen(host, port, ipv6, backlog);
            }
        };
    }

    private Varargs listen(String host, String port, boolean ipv6, int backlog) {
        String where = host + ":" + port;
        Object resolved = host.equals("*")
                ? List.of(wildcard(ipv6))
                : resolve(host, port, ipv6 ? "ipv6" : "ipv4");
        if (resolved instanceof String failure) {
            return failure(failure);
        }
        @SuppressWarnings("unchecked")
        InetAddress address = ((List<InetAddress>) resolved).get(0);
        int portNumber = Integer.parseInt(port);
        ChannelFuture bound = bind(() -> netty.newServerChannel(ipv6), new InetSocketAddress(address, portNumber), backlog, ipv6,
                "bind " + where);
        if (!bound.isSuccess()) {
            return failure("error binding to '" + where + "': " + IoErrors.text(bound.cause()));
        }
        return server(bound);
    }

    /**
     * Binds a listening socket that accepts only while a task waits (auto-read off); an IPv6 one
     * takes IPv6 only, so that an IPv4 server can share its port.
     */
    private ChannelFuture bind(io.netty.channel.ChannelFactory<? extends ServerChannel> factory, java.net.SocketAddress address,
            int backlog, boolean ipv6Only, String what) {
        ServerBootstrap b = serverBootstrap(factory)
                .option(ChannelOption.SO_BACKLOG, backlog)
                .option(ChannelOption.SO_REUSEADDR, true);
        if (ipv6Only && netty.epoll) {
            b.option(V6_ONLY, 1);
        }
        return awaitFuture(b.bind(address), what);
    }

    /** A listening channel whose connections go to its Server; it accepts only while a task waits. */
    private ServerBootstrap serverBootstrap(io.netty.channel.ChannelFactory<? extends ServerChannel> factory) {
        return new ServerBootstrap().group(netty.eventLoop).channelFactory(factory)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel child) {
                        child.parent().attr(SERVER).get().accepted(child);
                    }
                });
    }

    /** The Lua object of a bound listening socket. */
    private LuaValue server(ChannelFuture bound) {
        Server server = new Server(loop, (ServerChannel) bound.channel(), this::wrap);
        bound.channel().attr(SERVER).set(server);
        return new LuaUserdata(server, serverMeta);
    }

    /** Connects with auto-read off, waiting without blocking the loop. */
    private ChannelFuture connect(io.netty.channel.ChannelFactory<? extends Channel> factory, java.net.SocketAddress address,
            String what) {
        return awaitFuture(clientBootstrap(factory).connect(address), what);
    }

    /** A socket channel on lem's event loop that reads only when asked. */
    private Bootstrap clientBootstrap(io.netty.channel.ChannelFactory<? extends Channel> factory) {
        return new Bootstrap().group(netty.eventLoop).channelFactory(factory)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                    }
                });
    }

    // ---- io.fromfd's sockets -------------------------------------------------------------

    /** A Stream on a connected socket lem did not open: the channel takes the descriptor itself. */
    private Varargs adoptSocket(Descriptor socket) {
        Channel channel = netty.adoptedSocket(socket.fd(), socket.unix());
        ChannelFuture registered = awaitFuture(clientBootstrap(() -> channel).register(), "register fd " + socket.fd());
        return registered.isSuccess() ? wrap(channel) : adoptionFailed(channel, registered);
    }

    /** A Server on a listening socket lem did not open (neither bound nor listened again). */
    private Varargs adoptServer(Descriptor server) {
        ServerChannel channel = netty.adoptedServer(server.fd(), server.unix());
        ChannelFuture registered = awaitFuture(serverBootstrap(() -> channel).register(), "register fd " + server.fd());
        return registered.isSuccess() ? server(registered) : adoptionFailed(channel, registered);
    }

    /** The event loop refused the descriptor (epoll_ctl failed): it is closed, as the object would have closed it. */
    private static Varargs adoptionFailed(Channel channel, ChannelFuture registered) {
        channel.close();
        return failure(IoErrors.text(registered.cause()));
    }

    private static InetAddress wildcard(boolean ipv6) {
        try {
            return InetAddress.getByName(ipv6 ? "::" : "0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Varargs cork(Stream s, boolean on) {
        if (s instanceof ChannelStream socket) {
            return socket.cork(on);
        }
        return s.isClosed() ? Stream.CLOSED : failure("Socket operation on non-socket");
    }

    // ---- unix sockets --------------------------------------------------------------------

    private static String unixPath(LemFunction f, Varargs args) {
        if (!args.arg1().isstring()) {
            throw f.typeError(args, 1, "string");
        }
        String path = args.arg1().tojstring();
        if (args.arg1().strvalue().length() >= 108) {
            throw f.argError(1, "path too long");
        }
        return path;
    }

    private Varargs unixConnect(String path) {
        ChannelFuture connected = connect(netty::newUnixChannel, new DomainSocketAddress(path), "connect to " + path);
        if (!connected.isSuccess()) {
            return failure("error connecting to '" + path + "': " + IoErrors.text(connected.cause()));
        }
        return wrap(connected.channel());
    }

    private Varargs unixListen(String path, int perm, int backlog) {
        if (java.nio.file.Files.exists(java.nio.file.Path.of(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // bind(2) refuses an existing path; Netty's native bind would unlink it first
            return failure("error binding to '" + path + "': Address already in use");
        }
        ChannelFuture bound = bind(netty::newUnixServerChannel, new DomainSocketAddress(path), backlog, false, "bind " + path);
        if (!bound.isSuccess()) {
            return failure("error binding to '" + path + "': " + IoErrors.text(bound.cause()));
        }
        if (perm != -1) {
            try {
                java.nio.file.Files.setPosixFilePermissions(java.nio.file.Path.of(path), Files.permissionSet(perm));
            } catch (java.io.IOException e) {
                bound.channel().close();
                return failure("error setting permissions on '" + path + "': " + lem.runtime.OsErrors.message(e));
            }
        }
        return server(bound);
    }

    // ---- tcp.connect ---------------------------------------------------------------------

    private Varargs connect(String host, String port, String family) {
        String where = host + ":" + port;
        Object resolved = resolve(host, port, family);
        if (resolved instanceof String failure) {
            return failure(failure);
        }
        @SuppressWarnings("unchecked")
        List<InetAddress> addresses = (List<InetAddress>) resolved;
        for (InetAddress address : addresses) {
            ChannelFuture connected = connect(() -> netty.newSocketChannel(address instanceof Inet6Address),
                    new InetSocketAddress(address, Integer.parseInt(port)), "connect to " + where);
            if (connected.isSuccess()) {
                return wrap(connected.channel());
            }
        }
        return failure("error connecting to '" + where + "'");
    }

    /** The addresses of {@code host} (looked up on the worker pool), or the error text. */
    private Object resolve(String host, String port, String family) {
        String where = host + ":" + port;
        if (!port.chars().allMatch(Character::isDigit) || port.isEmpty() || Integer.parseInt(port) > 65535) {
            return "error looking up '" + where + "': Servname not supported for ai_socktype";
        }
        Varargs result = runOnPool("look up " + where, () -> {
            List<InetAddress> found = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (family.equals("any") || (family.equals("ipv4") ? a instanceof Inet4Address : a instanceof Inet6Address)) {
                    found.add(a);
                }
            }
            return found;
        });
        Object value = result.arg1().touserdata();
        if (value instanceof List<?> list && !list.isEmpty()) {
            return list;
        }
        if (value instanceof List<?>) {
            return "error looking up '" + where + "': Address family for hostname not supported";
        }
        return "error looking up '" + where + "': Name or service not known";
    }

    /** Runs {@code job} on the worker pool and waits; the result comes back as userdata (nil on failure). */
    private Varargs runOnPool(String what, WorkerPool.Job<Object> job) {
        lem.runtime.Task task = loop.current();
        pool.submit(job, (result, failure) -> loop.wake(task, failure == null ? new LuaUserdata(result) : LuaValue.NIL));
        return loop.await(Wait.of(what + " (worker pool)"));
    }

    /** Waits (without blocking the loop) until {@code future} completes. */
    private ChannelFuture awaitFuture(ChannelFuture future, String what) {
        if (!future.isDone()) {
            lem.runtime.Task task = loop.current();
            loop.hold();
            future.addListener(f -> {
                loop.release();
                loop.wake(task, LuaValue.NONE);
            });
            loop.await(Wait.of(what));
        }
        return future;
    }

    private static Varargs failure(String message) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(message));
    }

    private static String hostArg(LemFunction f, Varargs args, int i) {
        if (!args.arg(i).isstring()) {
            throw f.typeError(args, i, "string");
        }
        return args.arg(i).tojstring();
    }

    private static String portArg(LemFunction f, Varargs args, int i) {
        if (!args.arg(i).isstring()) {
            throw f.typeError(args, i, "string");
        }
        return args.arg(i).tojstring();
    }

    private static String family(LemFunction f, Varargs args, int i) {
        String family = args.isnil(i) ? "any" : args.arg(i).checkjstring();
        if (!family.equals("any") && !family.equals("ipv4") && !family.equals("ipv6")) {
            throw f.argError(i, "invalid option '" + family + "'");
        }
        return family;
    }
}
