package lem.lib.std.io;

import java.io.IOException;
import org.luaj.vm2.Varargs;

/** The bytes under a Lua file, unbuffered: a file channel, a standard stream, a pipe. */
interface Device {
    boolean readable();

    boolean writable();

    /** Reads at most {@code len} bytes; -1 at the end. */
    int read(byte[] b, int off, int len) throws IOException;

    void write(byte[] b, int off, int len) throws IOException;

    /** The offset of the next read or write; ESPIPE where there is none. */
    long position() throws IOException;

    void position(long position) throws IOException;

    long size() throws IOException;

    void flush() throws IOException;

    /** Releases the device; returns what {@code file:close()} returns on success. */
    Varargs close() throws IOException;
}
