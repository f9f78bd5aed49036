package lem.lib.lfs;

/** A C library call failed: errno, and strerror(errno), the text lem returns as {@code nil, message}. */
public final class PosixError extends Exception {
    final int errno;

    PosixError(int errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }
}
