package lem.lib.std.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import lem.lib.std.OsError;
import lem.lib.std.ProcessStatus;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A stream that cannot seek: standard input or output, or one end of a pipe to a child
 * process (io.popen), whose exit status closing it returns.
 */
final class StreamDevice implements Device {
    private final InputStream in;
    private final OutputStream out;
    private final Process process;

    /** {@code in} or {@code out} is null; {@code process} is null except for a pipe. */
    StreamDevice(InputStream in, OutputStream out, Process process) {
        this.in = in;
        this.out = out;
        this.process = process;
    }

    @Override
    public boolean readable() {
        return in != null;
    }

    @Override
    public boolean writable() {
        return out != null;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (in == null) {
            throw OsError.badDescriptor();
        }
        return in.read(b, off, len);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (out == null) {
            throw OsError.badDescriptor();
        }
        out.write(b, off, len);
    }

    @Override
    public long position() throws IOException {
        throw OsError.illegalSeek();
    }

    @Override
    public void position(long position) throws IOException {
        throw OsError.illegalSeek();
    }

    @Override
    public long size() throws IOException {
        throw OsError.illegalSeek();
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public Varargs close() throws IOException {
        if (out != null) {
            out.close();
        }
        if (in != null) {
            in.close();
        }
        return process == null ? LuaValue.TRUE : ProcessStatus.of(process);
    }
}
