package lem.lib.io;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import lem.runtime.Loop;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A Stream over a pipe the JVM gives as blocking streams: stdin, a child's pipes, a FIFO or a
 * character device. A thread of its own does each blocking read (only while a Lua reader waits)
 * and each blocking write, and hands the outcome to the loop; the loop thread never blocks.
 */
final class PipeStream extends Stream {
    private static final int CHUNK = Parsers.BUFFER;

    private final String name;
    private final InputStream in;
    private final OutputStream out;
    /** Writes on the loop thread: stdout and stderr, so that print and write keep program order. */
    private final boolean writesInline;
    private final Semaphore wanted = new Semaphore(0);
    private Thread reader;
    private ExecutorService writer;

    /** {@code in} or {@code out} may be null for a one-way pipe. */
    PipeStream(Loop loop, String name, InputStream in, OutputStream out, boolean writesInline) {
        super(loop);
        this.name = name;
        this.in = in;
        this.out = out;
        this.writesInline = writesInline;
    }

    @Override
    protected void requestInput() {
        if (in == null) {
            loop.post(() -> inputFailed("Bad file descriptor"));
            return;
        }
        if (reader == null) {
            reader = new Thread(this::readLoop, "lem-read-" + name);
            reader.setDaemon(true);
            reader.start();
        }
        wanted.release();
    }

    private void readLoop() {
        byte[] chunk = new byte[CHUNK];
        try {
            while (true) {
                wanted.acquire();
                int n = in.read(chunk);
                if (n < 0) {
                    loop.post(() -> inputEnded(false));
                    return;
                }
                byte[] data = java.util.Arrays.copyOf(chunk, n);
                loop.post(() -> {
                    received(Unpooled.wrappedBuffer(data));
                    if (wantsInput()) {
                        wanted.release();
                    }
                });
            }
        } catch (IOException e) {
            if (!isClosed()) {
                String why = IoErrors.text(e);
                loop.post(() -> inputFailed(why));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected Varargs startWrite(LuaString[] parts) {
        if (out == null) {
            return writeFailed(new IOException("Bad file descriptor"));
        }
        if (writesInline) {
            try {
                writeAll(parts);
                return LuaValue.TRUE;
            } catch (IOException e) {
                return writeFailed(e);
            }
        }
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "lem-write-" + name);
                t.setDaemon(true);
                return t;
            });
        }
        writer.execute(() -> {
            try {
                writeAll(parts);
                loop.post(() -> written(LuaValue.TRUE));
            } catch (IOException e) {
                loop.post(() -> writeFailed(e));
            }
        });
        return null;
    }

    private void writeAll(LuaString[] parts) throws IOException {
        for (LuaString part : parts) {
            out.write(part.m_bytes, part.m_offset, part.m_length);
        }
        out.flush();
    }

    @Override
    protected void release() {
        if (writer != null) {
            writer.shutdown();
        }
        try {
            if (in != null) {
                in.close();
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // closing is best effort: the stream is closed for Lua either way
        }
    }

    @Override
    String describe() {
        return name;
    }
}
