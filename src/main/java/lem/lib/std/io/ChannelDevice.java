package lem.lib.std.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import lem.lib.std.OsError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** A file opened by name: a file channel, positioned like a C file descriptor. */
final class ChannelDevice implements Device {
    private final FileChannel channel;
    private final boolean readable;
    private final boolean writable;
    /** Every write goes to the end, as with O_APPEND (which Java cannot combine with reading). */
    private final boolean append;

    ChannelDevice(FileChannel channel, boolean readable, boolean writable, boolean append) {
        this.channel = channel;
        this.readable = readable;
        this.writable = writable;
        this.append = append;
    }

    @Override
    public boolean readable() {
        return readable;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!readable) {
            throw OsError.badDescriptor();
        }
        return channel.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!writable) {
            throw OsError.badDescriptor();
        }
        if (append) {
            channel.position(channel.size());
        }
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public void position(long position) throws IOException {
        channel.position(position);
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void flush() {
        // writes reach the channel unbuffered
    }

    @Override
    public Varargs close() throws IOException {
        channel.close();
        return LuaValue.TRUE;
    }
}
