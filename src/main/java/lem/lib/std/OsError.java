package lem.lib.std;

import java.io.IOException;

/** An I/O failure that C would report with this errno and strerror() text. */
public final class OsError extends IOException {
    public static final int EBADF = 9;
    public static final int EINVAL = 22;
    public static final int ESPIPE = 29;

    public final int errno;

    public OsError(int errno, String text) {
        super(text);
        this.errno = errno;
    }

    public static OsError badDescriptor() {
        return new OsError(EBADF, "Bad file descriptor");
    }

    public static OsError illegalSeek() {
        return new OsError(ESPIPE, "Illegal seek");
    }

    public static OsError invalidArgument() {
        return new OsError(EINVAL, "Invalid argument");
    }
}
