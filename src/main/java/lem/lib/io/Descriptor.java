package lem.lib.io;

import lem.lib.posix.Descriptors;
import lem.lib.posix.PosixError;

/**
 * What io.fromfd found an open descriptor to be, and how it may be used. Found with fstat,
 * fcntl and getsockopt on the worker pool ({@link #inspect}); null when lem wraps no such thing.
 */
record Descriptor(int fd, Kind kind, boolean readable, boolean writable, boolean append, boolean unix) {
    /** What lem makes of it: a File, a Stream read by a thread (pipes, devices), a socket Stream, a Server. */
    enum Kind { FILE, PIPE, SOCKET, SERVER }

    private static final int O_ACCMODE = 03;
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_APPEND = 02000;
    private static final int SOCK_STREAM = 1;
    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    /** Looks at {@code fd}; null for a directory, a datagram socket and the like. Blocking calls. */
    static Descriptor inspect(int fd) throws PosixError {
        String type = Descriptors.fstat(fd).type();
        int flags = Descriptors.statusFlags(fd);
        int access = flags & O_ACCMODE;
        boolean readable = access != O_WRONLY;
        boolean writable = access != O_RDONLY;
        boolean append = (flags & O_APPEND) != 0;
        return switch (type) {
            case "file", "block device" -> new Descriptor(fd, Kind.FILE, readable, writable, append, false);
            case "char device", "named pipe" -> new Descriptor(fd, Kind.PIPE, readable, writable, append, false);
            case "socket" -> socket(fd);
            default -> null;
        };
    }

    /** A stream socket of the unix, IPv4 or IPv6 family (what Netty's channels can take); a socket is read and written. */
    private static Descriptor socket(int fd) throws PosixError {
        int domain = Descriptors.socketOption(fd, Descriptors.SO_DOMAIN);
        if (Descriptors.socketOption(fd, Descriptors.SO_TYPE) != SOCK_STREAM
                || (domain != AF_UNIX && domain != AF_INET && domain != AF_INET6)) {
            return null;
        }
        boolean listening = Descriptors.socketOption(fd, Descriptors.SO_ACCEPTCONN) != 0;
        return new Descriptor(fd, listening ? Kind.SERVER : Kind.SOCKET, true, true, false, domain == AF_UNIX);
    }
}
