package lem.lib.posix;

/** A C library call failed: errno, and strerror(errno), the text lem returns as {@code nil, message}. */
public final class PosixError extends Exception {
    private final int errno;

    PosixError(int errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
