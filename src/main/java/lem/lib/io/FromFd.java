package lem.lib.io;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import lem.lib.posix.Descriptors;
import lem.lib.posix.PosixError;
import lem.runtime.Loop;
import lem.runtime.WorkerPool;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * io.fromfd: a lem object on a descriptor lem did not open (one inherited with {@code 3<file},
 * a socket passed by a supervisor). The descriptor is used itself, not a duplicate, so closing
 * the object closes it. What fstat says decides the object, as for io.open: a regular file or
 * block device is a File, a character device or a pipe a Stream read by a thread (left blocking,
 * as io.open leaves it), a socket a Stream or, when it listens, a Server; both are switched to
 * non-blocking for Netty.
 */
final class FromFd {
    static final String INVALID = "Invalid argument";

    /** How lem.io makes the Lua objects. */
    interface Objects {
        LuaValue file(LuaFile file);

        LuaValue stream(Stream stream);

        /** A Stream on a connected socket (a Netty channel), or nil and why. */
        Varargs socket(Descriptor socket);

        /** A Server on a listening socket, or nil and why. */
        Varargs server(Descriptor server);
    }

    private final Loop loop;
    private final WorkerPool pool;
    private final Objects objects;
    /** Netty's native transport takes sockets lem did not open; without it they stay as they are. */
    private final boolean adoptsSockets;

    FromFd(Loop loop, WorkerPool pool, Objects objects, boolean adoptsSockets) {
        this.loop = loop;
        this.pool = pool;
        this.objects = objects;
        this.adoptsSockets = adoptsSockets;
    }

    Varargs wrap(int fd) {
        Object found = PoolCall.await(loop, pool, "fstat fd " + fd, () -> inspect(fd));
        if (found instanceof String failure) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(failure));
        }
        Descriptor d = (Descriptor) found;
        return switch (d.kind()) {
            case FILE -> objects.file(new LuaFile(loop, pool, JdkDescriptors.fileChannel(fd, d.readable(), d.writable()),
                    "fd " + fd, d.append(), flushing(fd)));
            case PIPE -> objects.stream(pipe(d));
            case SOCKET -> objects.socket(d);
            case SERVER -> objects.server(d);
        };
    }

    /** On the pool: what the descriptor is ({@link #INVALID} when lem wraps no such thing). */
    private Object inspect(int fd) throws PosixError {
        Descriptor d = Descriptor.inspect(fd);
        if (d == null) {
            return INVALID;
        }
        if (adoptsSockets && (d.kind() == Descriptor.Kind.SOCKET || d.kind() == Descriptor.Kind.SERVER)) {
            Descriptors.setNonBlocking(fd); // Netty reads until EAGAIN: a blocking socket would stop the loop
        }
        return d;
    }

    /** For a File on fd 1 or 2: print's output still in lem's buffer goes out before what the File writes. */
    private Runnable flushing(int fd) {
        return switch (fd) {
            case 1 -> loop.globals().STDOUT::flush;
            case 2 -> loop.globals().STDERR::flush;
            default -> () -> { };
        };
    }

    /**
     * A pipe or device Stream. Written through fd 1 or 2, it goes through lem's own stdout or
     * stderr, as io.stdout does, so that print and write keep their order.
     */
    private Stream pipe(Descriptor d) {
        java.io.FileDescriptor fd = JdkDescriptors.of(d.fd());
        OutputStream out = null;
        boolean inline = false;
        if (d.writable() && (d.fd() == 1 || d.fd() == 2)) {
            out = IoLib.printing(d.fd() == 1 ? loop.globals().STDOUT : loop.globals().STDERR);
            inline = true;
        } else if (d.writable()) {
            out = new FileOutputStream(fd);
        }
        return new PipeStream(loop, "fd " + d.fd(), d.readable() ? new FileInputStream(fd) : null, out, inline);
    }
}
