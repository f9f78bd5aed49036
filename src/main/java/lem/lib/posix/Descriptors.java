package lem.lib.posix;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C library calls on an open descriptor that io.fromfd needs to learn what the descriptor
 * is (fstat, fcntl, getsockopt) and to make a socket non-blocking. They do not block, but
 * io.fromfd makes them on the worker pool, as the C version does.
 */
public final class Descriptors {
    private static final ValueLayout INT = ValueLayout.JAVA_INT;
    private static final ValueLayout POINTER = ValueLayout.ADDRESS;
    private static final MethodHandle FSTAT = Libc.function("fstat", INT, INT, POINTER);
    private static final MethodHandle FCNTL = Libc.variadicFunction("fcntl", 2, INT, INT, INT, INT);
    private static final MethodHandle GETSOCKOPT = Libc.function("getsockopt", INT, INT, INT, INT, POINTER, POINTER);

    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 04000;
    private static final int SOL_SOCKET = 1;

    /** Socket options of SOL_SOCKET (Linux's numbers). */
    public static final int SO_TYPE = 3;
    public static final int SO_ACCEPTCONN = 30;
    public static final int SO_DOMAIN = 39;

    private Descriptors() {
    }

    public static Stat fstat(int fd) throws PosixError {
        return Libc.call((arena, state) -> {
            MemorySegment buffer = arena.allocate(Stat.BYTES, 8);
            int result = (int) FSTAT.invokeExact(state, fd, buffer);
            return result == -1 ? null : Stat.of(buffer);
        }, stat -> stat == null);
    }

    /** The file status flags (access mode, O_APPEND, O_NONBLOCK, ...): fcntl F_GETFL. */
    public static int statusFlags(int fd) throws PosixError {
        return Libc.run((arena, state) -> (int) FCNTL.invokeExact(state, fd, F_GETFL, 0));
    }

    /** Sets O_NONBLOCK, keeping the other status flags. */
    public static void setNonBlocking(int fd) throws PosixError {
        int flags = statusFlags(fd);
        if ((flags & O_NONBLOCK) == 0) {
            Libc.run((arena, state) -> (int) FCNTL.invokeExact(state, fd, F_SETFL, flags | O_NONBLOCK));
        }
    }

    /** An integer option of SOL_SOCKET (SO_TYPE, SO_ACCEPTCONN, SO_DOMAIN). */
    public static int socketOption(int fd, int option) throws PosixError {
        return Libc.call((arena, state) -> {
            MemorySegment value = arena.allocate(INT);
            MemorySegment length = arena.allocate(INT);
            length.set(ValueLayout.JAVA_INT, 0, 4);
            int result = (int) GETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, option, value, length);
            return result == -1 ? null : value.get(ValueLayout.JAVA_INT, 0);
        }, value -> value == null);
    }
}
