package lem.lib;

import java.util.Arrays;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;

/** A growing run of bytes that becomes a Lua string (luaL_Buffer). */
final class ByteBuilder {
    /** The longest byte array the JVM can allocate. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private byte[] bytes;
    private int length;

    ByteBuilder(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    ByteBuilder append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    ByteBuilder append(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
        return this;
    }

    ByteBuilder append(LuaString s) {
        return append(s.m_bytes, s.m_offset, s.m_length);
    }

    /** What Lua says when it cannot allocate a string: a memory error, which has no position. */
    static LuaError tooLong() {
        return new LuaError("not enough memory", 0);
    }

    LuaString toLuaString() {
        return LuaString.valueUsing(bytes, 0, length);
    }

    private void ensure(int more) {
        if (bytes.length - length < more) {
            long needed = (long) length + more;
            if (needed > MAX_LENGTH) {
                throw tooLong();
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(needed, 2L * bytes.length), MAX_LENGTH));
        }
    }
}
