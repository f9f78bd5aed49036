package lem.lib.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import lem.runtime.Loop;
import lem.runtime.OsErrors;
import lem.runtime.Task;
import lem.runtime.Wait;
import lem.runtime.WorkerPool;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A lem File: a regular file whose every operation runs on the worker pool, one at a time
 * (another call meanwhile gets {@code nil, 'busy'}), with a read-ahead buffer that a read
 * satisfied from it uses without waiting. At the end, files say 'eof' where streams say 'closed'.
 */
public final class LuaFile implements Endpoint {
    private static final Varargs EOF = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("eof"));

    /** Work on the file's channel, done on a pool thread. */
    private interface Operation {
        Varargs run(FileChannel channel) throws IOException;
    }

    private final Loop loop;
    private final WorkerPool pool;
    private final FileChannel channel;
    private final String path;
    /** Opened with "a": every write goes to the end. */
    private final boolean append;
    /** Runs on the loop thread before each write: fd 1 and 2 flush what print left in lem's buffer. */
    private final Runnable beforeWrite;
    private final ByteBuf buffer = Unpooled.buffer(0);
    private boolean closed;
    private boolean busy;
    private final RecordLocks locks = new RecordLocks();

    LuaFile(Loop loop, WorkerPool pool, FileChannel channel, String path, boolean append) {
        this(loop, pool, channel, path, append, () -> { });
    }

    LuaFile(Loop loop, WorkerPool pool, FileChannel channel, String path, boolean append, Runnable beforeWrite) {
        this.loop = loop;
        this.pool = pool;
        this.channel = channel;
        this.path = path;
        this.append = append;
        this.beforeWrite = beforeWrite;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** The open channel, for a stream's sendfile (which does not use or move the file's position). */
    FileChannel channel() {
        return channel;
    }

    @Override
    public Varargs read(Parser parser, Varargs args) {
        if (closed) {
            return Stream.CLOSED;
        }
        if (busy) {
            return Stream.BUSY;
        }
        Parser.Run run = parser.start(args);
        Varargs result = run.process(buffer);
        while (result == null) {
            Varargs chunk = onPool("read", c -> {
                ByteBuffer bytes = ByteBuffer.allocate(Parsers.BUFFER);
                int n = c.read(bytes);
                return n < 0 ? LuaValue.NIL : LuaString.valueUsing(bytes.array(), 0, n);
            });
            if (closed) {
                return Stream.CLOSED;
            }
            if (chunk.arg1().isnil()) {
                if (chunk.narg() > 1) {
                    close();
                    return chunk; // a read error: nil, message
                }
                result = run.end(buffer, false);
                if (result == null) {
                    buffer.clear(); // a partial line or count is dropped at the end
                    return EOF;
                }
            } else {
                LuaString s = chunk.arg1().strvalue();
                buffer.discardSomeReadBytes();
                buffer.writeBytes(s.m_bytes, s.m_offset, s.m_length);
                result = run.process(buffer);
            }
        }
        return result;
    }

    @Override
    public Varargs write(LuaString[] parts) {
        if (closed) {
            return Stream.CLOSED;
        }
        if (busy) {
            return Stream.BUSY;
        }
        boolean any = false;
        for (LuaString part : parts) {
            any |= part.m_length > 0;
        }
        if (!any) {
            return LuaValue.TRUE;
        }
        beforeWrite.run();
        return onPool("write", c -> {
            for (LuaString part : parts) {
                if (append) {
                    c.position(c.size());
                }
                ByteBuffer bytes = ByteBuffer.wrap(part.m_bytes, part.m_offset, part.m_length);
                while (bytes.hasRemaining()) {
                    c.write(bytes);
                }
            }
            return LuaValue.TRUE;
        });
    }

    /** seek: like the C version, the read-ahead buffer is dropped without moving back over it. */
    Varargs seek(String whence, long offset) {
        if (closed) {
            return Stream.CLOSED;
        }
        if (busy) {
            return Stream.BUSY;
        }
        buffer.clear();
        return onPool("seek", c -> {
            long base = switch (whence) {
                case "set" -> 0;
                case "end" -> c.size();
                default -> c.position();
            };
            long target = base + offset;
            if (target < 0) {
                return failure("Invalid argument");
            }
            c.position(target);
            return LuaValue.valueOf(target);
        });
    }

    Varargs size() {
        if (closed) {
            return Stream.CLOSED;
        }
        if (busy) {
            return Stream.BUSY;
        }
        return onPool("size", c -> LuaValue.valueOf(c.size()));
    }

    /** lock: "r" shared, "w" exclusive, "u" unlock; never waits for another holder (lem.io and lem.lfs). */
    public Varargs lock(String mode, long start, long length) {
        if (closed) {
            return Stream.CLOSED;
        }
        if (busy) {
            return Stream.BUSY;
        }
        return onPool("lock", c -> {
            String failure = mode.equals("u") ? locks.unlock(c, start, length) : locks.lock(c, start, length, mode.equals("r"));
            return failure == null ? LuaValue.TRUE : failure(failure);
        });
    }

    @Override
    public Varargs close() {
        if (closed) {
            return Stream.CLOSED;
        }
        if (busy) {
            return Stream.BUSY;
        }
        Varargs result = onPool("close", c -> {
            c.close();
            return LuaValue.TRUE;
        });
        closed = true;
        buffer.release();
        return result;
    }

    /** Runs {@code operation} on the pool while this file is busy; errors come back as nil, message. */
    private Varargs onPool(String what, Operation operation) {
        busy = true;
        Task task = loop.current();
        pool.submit(() -> {
            try {
                return operation.run(channel);
            } catch (NonReadableChannelException | NonWritableChannelException e) {
                return failure("Bad file descriptor");
            } catch (IOException e) {
                return failure(OsErrors.message(e));
            }
        }, (result, failure) -> loop.wake(task, failure == null ? result : failure(failure.toString())));
        try {
            return loop.await(Wait.of(what + " on file " + path + " (worker pool)"));
        } finally {
            busy = false;
        }
    }

    private static Varargs failure(String message) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(message));
    }
}
