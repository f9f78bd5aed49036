package lem.lib.std.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import lem.lib.std.OsError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Varargs;

/**
 * A Lua file handle's state, what a C {@code FILE} is to Lua: buffered reads with a byte of
 * look-ahead, buffered writes (as stdio's full, line or no buffering), the read formats of
 * Lua 5.2, and the position a seek sees. Reading after writing, and writing after reading,
 * just work (C would ask for a seek in between).
 */
final class LuaFile {
    /** How closing behaves: standard files refuse, pipes report the child's exit. */
    enum Kind { STANDARD, PIPE, FILE }

    static final int NO_BUFFER = 0;
    static final int LINE_BUFFER = 1;
    static final int FULL_BUFFER = 2;
    private static final int BUFFER_SIZE = 8192;

    final Kind kind;
    private Device device;
    /** False for stdout and stderr: their bytes go straight to the streams print() writes to. */
    private final boolean buffered;
    private int mode = FULL_BUFFER;
    private final byte[] in = new byte[BUFFER_SIZE];
    private int inPos;
    private int inEnd;
    private final byte[] out;
    private int outLen;

    LuaFile(Kind kind, Device device, boolean buffered) {
        this.kind = kind;
        this.device = device;
        this.buffered = buffered;
        this.out = buffered ? new byte[BUFFER_SIZE] : null;
    }

    boolean isClosed() {
        return device == null;
    }

    // ------------------------------------------------------------------ reading

    /** The next byte, or -1 at the end of the file. */
    int getc() throws IOException {
        if (inPos == inEnd && !fill()) {
            return -1;
        }
        return in[inPos++] & 0xff;
    }

    /** Gives back the byte the last {@link #getc} returned. */
    void ungetc() {
        inPos--;
    }

    private boolean fill() throws IOException {
        flushWrites();
        int n = device.read(in, 0, in.length);
        inPos = 0;
        inEnd = Math.max(n, 0);
        return n > 0;
    }

    /** A line without (or with) its newline; null at the end of the file. */
    LuaString readLine(boolean keepNewline) throws IOException {
        ByteArrayOutputStream line = null;
        while (inPos < inEnd || fill()) {
            int start = inPos;
            int nl = start;
            while (nl < inEnd && in[nl] != '\n') {
                nl++;
            }
            if (nl < inEnd) {
                inPos = nl + 1;
                int end = keepNewline ? nl + 1 : nl;
                if (line == null) {
                    return LuaString.valueOf(Arrays.copyOfRange(in, start, end));
                }
                line.write(in, start, end - start);
                return LuaString.valueOf(line.toByteArray());
            }
            if (line == null) {
                line = new ByteArrayOutputStream();
            }
            line.write(in, start, inEnd - start);
            inPos = inEnd;
        }
        return line == null || line.size() == 0 ? null : LuaString.valueOf(line.toByteArray());
    }

    /** The rest of the file (empty at its end). */
    LuaString readAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (inPos < inEnd || fill()) {
            all.write(in, inPos, inEnd - inPos);
            inPos = inEnd;
        }
        return LuaString.valueOf(all.toByteArray());
    }

    /** At most {@code n} bytes; null when none is left. */
    LuaString read(long n) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (n > 0 && (inPos < inEnd || fill())) {
            int k = (int) Math.min(n, inEnd - inPos);
            bytes.write(in, inPos, k);
            inPos += k;
            n -= k;
        }
        return bytes.size() == 0 ? null : LuaString.valueOf(bytes.toByteArray());
    }

    /** True when a byte is left to read (read(0)). */
    boolean hasMore() throws IOException {
        return inPos < inEnd || fill();
    }

    // ------------------------------------------------------------------ writing

    void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        if (!device.writable()) {
            throw OsError.badDescriptor();
        }
        dropReadAhead();
        if (!buffered) {
            device.write(b, off, len);
            if (mode == NO_BUFFER) {
                device.flush();
            }
            return;
        }
        if (mode == NO_BUFFER || len > out.length - outLen) {
            flushWrites();
        }
        if (mode == NO_BUFFER || len >= out.length) {
            device.write(b, off, len);
            return;
        }
        System.arraycopy(b, off, out, outLen, len);
        outLen += len;
        if (mode == LINE_BUFFER && contains(b, off, len, (byte) '\n')) {
            flushWrites();
        }
    }

    private static boolean contains(byte[] b, int off, int len, byte x) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == x) {
                return true;
            }
        }
        return false;
    }

    private void flushWrites() throws IOException {
        if (outLen > 0) {
            int n = outLen;
            outLen = 0;
            device.write(out, 0, n);
        }
    }

    /** Before a write or a seek: bytes read ahead but not consumed go back to the device. */
    private void dropReadAhead() throws IOException {
        if (inPos < inEnd) {
            device.position(device.position() - (inEnd - inPos));
        }
        inPos = 0;
        inEnd = 0;
    }

    void flush() throws IOException {
        flushWrites();
        device.flush();
    }

    void setBuffering(int mode) throws IOException {
        flushWrites();
        this.mode = mode;
    }

    // ------------------------------------------------------------------ position and closing

    /** Moves to {@code offset} from the start (whence 0), the current position (1) or the end (2). */
    long seek(int whence, long offset) throws IOException {
        flushWrites();
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> device.position() - (inEnd - inPos);
            default -> device.size();
        };
        long target = base + offset;
        if (target < 0) {
            throw OsError.invalidArgument();
        }
        device.position(target);
        inPos = 0;
        inEnd = 0;
        return target;
    }

    /** Flushes and closes; the values close returns. Closed afterwards even if that failed. */
    Varargs close() throws IOException {
        IOException failure = null;
        try {
            flushWrites();
        } catch (IOException e) {
            failure = e;
        }
        Device d = device;
        device = null;
        Varargs result = d.close();
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
