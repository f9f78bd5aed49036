package lem.lib.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A lem Stream: input is read only while a Lua reader waits (so a slow reader holds the other
 * end back instead of lem buffering without bound), a writer waits until its data is taken, and
 * one reader and one writer may wait at a time. Subclasses connect it to a Netty channel or to
 * a pipe of the JVM.
 */
abstract class Stream implements Endpoint {
    static final Varargs CLOSED = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("closed"));
    static final Varargs BUSY = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("busy"));

    protected final Loop loop;
    private final ByteBuf input = Unpooled.buffer(0);
    private boolean closed;
    private boolean inputEnded;
    private Task reader;
    private Parser.Run readerRun;
    private Task writer;

    Stream(Loop loop) {
        this.loop = loop;
    }

    /** Asks for more input; {@link #received} and {@link #inputEnded} follow (loop thread). */
    protected abstract void requestInput();

    /** Starts writing; returns the result when done at once, or null and calls {@link #written} later. */
    protected abstract Varargs startWrite(LuaString[] parts);

    /** Called after input was added to the buffer (loop thread). */
    protected void afterReceive() {
    }

    /** Called after a reader took input from the buffer (loop thread). */
    protected void afterTake() {
    }

    /** How many bytes wait in the buffer, not yet read by Lua. */
    protected final int buffered() {
        return closed ? 0 : input.readableBytes();
    }

    /** Releases the channel or pipe. */
    protected abstract void release();

    /** What this stream is connected to, for humans ("tcp 127.0.0.1:80", "stdin"). */
    abstract String describe();

    /** getpeer: the other end's address; only sockets have one. */
    Varargs peer() {
        return closed ? CLOSED : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("Socket operation on non-socket"));
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    /**
     * read with a parser: from the buffer at once if it can, else the task waits for data (this
     * returns {@link Loop#beginWait}'s mark: call it from a {@link lem.runtime.WaitingFunction}).
     */
    @Override
    public final Varargs read(Parser parser, Varargs args) {
        if (closed) {
            return CLOSED;
        }
        if (reader != null) {
            return BUSY;
        }
        Parser.Run run = parser.start(args);
        Varargs result = run.process(input);
        if (result != null) {
            afterTake();
            return result;
        }
        if (inputEnded) {
            return end(run, false);
        }
        reader = loop.current();
        readerRun = run;
        loop.hold();
        requestInput();
        return loop.beginWait(new Wait() {
            @Override
            public String describe() {
                return "read on " + Stream.this.describe();
            }

            @Override
            public void cancel() {
                finishRead();
            }
        });
    }

    /** write: true once every argument was taken, or nil and why. */
    @Override
    public final Varargs write(LuaString[] parts) {
        return write(() -> startWrite(parts));
    }

    /** How a write starts: its result when done at once, or null to wait for {@link #written}. */
    protected interface WriteStart {
        Varargs start();
    }

    /**
     * Runs a write as the stream's one pending writer (write, sendfile); when it has to wait,
     * returns {@link Loop#beginWait}'s mark, as {@link #read} does.
     */
    protected final Varargs write(WriteStart how) {
        if (closed) {
            return CLOSED;
        }
        if (writer != null) {
            return BUSY;
        }
        Varargs now = how.start();
        if (now != null) {
            return now;
        }
        writer = loop.current();
        loop.hold();
        return loop.beginWait(new Wait() {
            @Override
            public String describe() {
                return "write on " + Stream.this.describe();
            }

            @Override
            public void cancel() {
                finishWrite();
            }
        });
    }

    /** close: wakes a pending reader and writer with nil, 'closed'. */
    @Override
    public final Varargs close() {
        if (closed) {
            return CLOSED;
        }
        closed = true;
        if (reader != null) {
            loop.wake(finishRead(), CLOSED);
        }
        if (writer != null) {
            loop.wake(finishWrite(), CLOSED);
        }
        input.release();
        release();
        return LuaValue.TRUE;
    }

    // ---- what subclasses report (loop thread) -------------------------------------------

    protected final void received(ByteBuf data) {
        try {
            if (!closed) {
                input.discardSomeReadBytes(); // else a long-lived stream's buffer grows with all it ever read
                input.writeBytes(data);
            }
        } finally {
            data.release();
        }
        if (reader != null) {
            Varargs result = readerRun.process(input);
            if (result != null) {
                loop.wake(finishRead(), result);
            }
        }
        if (!closed) {
            afterReceive();
        }
    }

    protected final boolean isWriting() {
        return writer != null;
    }

    /** True while a reader still waits for more input. */
    protected final boolean wantsInput() {
        return reader != null && !closed;
    }

    protected final void inputEnded(boolean error) {
        inputEnded = true;
        if (reader != null) {
            Parser.Run run = readerRun;
            Task t = finishRead();
            loop.wake(t, end(run, error));
        }
    }

    /** Reading failed: the stream closes, and the reader learns why. */
    protected final void inputFailed(String why) {
        inputEnded = true;
        Task t = reader != null ? finishRead() : null;
        if (!closed) {
            close();
        }
        if (t != null) {
            loop.wake(t, LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(why)));
        }
    }

    /** The write started by {@link #startWrite} finished with {@code result}. */
    protected final void written(Varargs result) {
        if (writer != null) {
            loop.wake(finishWrite(), result);
        }
    }

    /**
     * A failed write: the stream closes; a peer that went away reads as 'closed'. A waiting
     * writer is woken with the result, which is also returned for a write that failed at once.
     */
    protected final Varargs writeFailed(Throwable cause) {
        String why = IoErrors.text(cause);
        Varargs result = IoErrors.isPeerGone(why) ? CLOSED : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(why));
        Task waiting = writer != null ? finishWrite() : null;
        if (!closed) {
            close();
        }
        if (waiting != null) {
            loop.wake(waiting, result);
        }
        return result;
    }

    private Task finishRead() {
        Task t = reader;
        reader = null;
        readerRun = null;
        loop.release();
        return t;
    }

    private Task finishWrite() {
        Task t = writer;
        writer = null;
        loop.release();
        return t;
    }

    private Varargs end(Parser.Run run, boolean error) {
        Varargs result = run.end(input, error);
        if (!closed) {
            close();
        }
        return result != null ? result : CLOSED;
    }
}
