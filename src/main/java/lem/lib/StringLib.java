package lem.lib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.DumpState;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua 5.2's {@code string} library, working on the bytes of Lua strings: positions and case
 * mapping are byte-wise (C locale), integer arguments convert as C does, and the errors are
 * Lua's. Patterns are matched by {@link LuaPattern}; {@code string.format} is {@link StringFormat}.
 */
public final class StringLib {
    private static final LuaString EMPTY = LuaString.valueOf("");
    /** How many values Lua's stack (1,000,000 slots, a few in use) lets string.byte return. */
    private static final int MAX_RESULTS = 999_950;

    /** A library function's body; {@code self} gives it Lua's argument checks and wording. */
    @FunctionalInterface
    private interface Body {
        Varargs call(LemFunction self, Varargs args);
    }

    private StringLib() {
    }

    /**
     * Sets the global {@code string} and {@code package.loaded.string}, and makes it the {@code __index}
     * of the metatable of strings. LuaJ keeps that metatable in a static field, so the runtime created
     * last owns it (runtimes in one JVM, as in the tests, run one after another).
     */
    public static void install(Globals globals) {
        LuaTable string = new LuaTable();
        define(string, "byte", StringLib::bytes);
        define(string, "char", StringLib::chars);
        define(string, "dump", StringLib::dump);
        define(string, "find", (f, args) -> find(f, args, true));
        define(string, "format", (f, args) -> StringFormat.format(args));
        define(string, "gmatch", StringLib::gmatch);
        define(string, "gsub", StringLib::gsub);
        define(string, "len", (f, args) -> LuaValue.valueOf(f.checkString(args, 1).m_length));
        define(string, "lower", (f, args) -> mapBytes(f.checkString(args, 1), false));
        define(string, "match", (f, args) -> find(f, args, false));
        define(string, "rep", StringLib::rep);
        define(string, "reverse", StringLib::reverse);
        define(string, "sub", StringLib::sub);
        define(string, "upper", (f, args) -> mapBytes(f.checkString(args, 1), true));
        globals.set("string", string);
        globals.get("package").get("loaded").set("string", string);
        LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, string);
        LuaString.s_metatable = meta;
    }

    /** Functions that call back into Lua (a replacement function, a value's __tostring) are not direct. */
    private static final java.util.Set<String> CALLING_LUA = java.util.Set.of("gsub", "format");

    private static void define(LuaTable table, String name, Body body) {
        table.set(name, new LemFunction(name, !CALLING_LUA.contains(name)) {
            @Override
            public Varargs invoke(Varargs args) {
                return body.call(this, args);
            }
        });
    }

    /** Lua's posrelat: a position counted from the end when negative, 0 if before the start. */
    private static long position(long pos, int length) {
        if (pos >= 0) {
            return pos;
        }
        return pos < -(long) length ? 0 : length + pos + 1;
    }

    private static Varargs sub(LemFunction f, Varargs args) {
        LuaString s = f.checkString(args, 1);
        int length = s.m_length;
        long start = Math.max(position(f.checkInteger(args, 2), length), 1);
        long end = Math.min(position(f.optInteger(args, 3, -1), length), length);
        return start <= end ? s.substring((int) start - 1, (int) end) : EMPTY;
    }

    private static Varargs bytes(LemFunction f, Varargs args) {
        LuaString s = f.checkString(args, 1);
        int length = s.m_length;
        long first = position(f.optInteger(args, 2, 1), length);
        long last = Math.min(position(f.optInteger(args, 3, first), length), length);
        first = Math.max(first, 1);
        if (first > last) {
            return LuaValue.NONE;
        }
        int n = (int) (last - first + 1);
        if (n > MAX_RESULTS) {
            throw new LuaError("stack overflow (string slice too long)");
        }
        LuaValue[] values = new LuaValue[n];
        for (int i = 0; i < n; i++) {
            values[i] = LuaValue.valueOf(s.m_bytes[s.m_offset + (int) first - 1 + i] & 0xff);
        }
        return LuaValue.varargsOf(values);
    }

    private static Varargs chars(LemFunction f, Varargs args) {
        int n = args.narg();
        byte[] out = new byte[n];
        for (int i = 1; i <= n; i++) {
            int c = f.checkInt(args, i);
            if ((c & 0xff) != c) {
                throw f.argError(i, "value out of range");
            }
            out[i - 1] = (byte) c;
        }
        return LuaString.valueUsing(out);
    }

    /** upper or lower: only the ASCII letters change, as in the C locale. */
    private static LuaString mapBytes(LuaString s, boolean upper) {
        byte[] out = new byte[s.m_length];
        for (int i = 0; i < out.length; i++) {
            int c = s.m_bytes[s.m_offset + i];
            if (upper ? CharClass.isLower(c) : CharClass.isUpper(c)) {
                c ^= 0x20;
            }
            out[i] = (byte) c;
        }
        return LuaString.valueUsing(out);
    }

    private static Varargs reverse(LemFunction f, Varargs args) {
        LuaString s = f.checkString(args, 1);
        byte[] out = new byte[s.m_length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.m_bytes[s.m_offset + out.length - 1 - i];
        }
        return LuaString.valueUsing(out);
    }

    private static Varargs rep(LemFunction f, Varargs args) {
        LuaString s = f.checkString(args, 1);
        int n = f.checkInt(args, 2);
        LuaString sep = f.optString(args, 3, EMPTY);
        if (n <= 0) {
            return EMPTY;
        }
        long unit = (long) s.m_length + sep.m_length;
        if (unit >= Long.MAX_VALUE / n) { // Lua's own bound (size_t arithmetic would overflow)
            throw new LuaError("resulting string too large");
        }
        long total = unit * n - sep.m_length;
        if (total > ByteBuilder.MAX_LENGTH) {
            throw ByteBuilder.tooLong();
        }
        // the result is a prefix of s..sep repeated: write one period, then double what is written
        byte[] out = new byte[(int) total];
        int filled = (int) Math.min(unit, total);
        s.copyInto(0, out, 0, s.m_length);
        sep.copyInto(0, out, s.m_length, filled - s.m_length);
        while (filled < out.length) {
            int count = Math.min(filled, out.length - filled);
            System.arraycopy(out, 0, out, filled, count);
            filled += count;
        }
        return LuaString.valueUsing(out);
    }

    private static Varargs dump(LemFunction f, Varargs args) {
        LuaValue function = args.arg1();
        if (!function.isfunction()) {
            throw f.typeError(args, 1, "function");
        }
        if (!(function instanceof LuaClosure closure)) {
            throw new LuaError("unable to dump given function");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DumpState.dump(closure.p, out, false); // with debug information, as Lua 5.2's string.dump
        } catch (IOException e) {
            throw new LuaError("unable to dump given function");
        }
        return LuaString.valueUsing(out.toByteArray());
    }

    // ---------------------------------------------------------------- patterns

    /** string.find ({@code find}) and string.match. */
    private static Varargs find(LemFunction f, Varargs args, boolean find) {
        LuaString s = f.checkString(args, 1);
        LuaString pattern = f.checkString(args, 2);
        int length = s.m_length;
        long init = Math.max(position(f.optInteger(args, 3, 1), length), 1);
        if (init > length + 1) {
            return LuaValue.NIL;
        }
        int from = (int) init - 1;
        if (find && (args.arg(4).toboolean() || LuaPattern.isPlain(pattern))) {
            int at = indexOf(s, pattern, from);
            return at < 0 ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(at + pattern.m_length));
        }
        boolean anchored = LuaPattern.isAnchored(pattern);
        LuaPattern matcher = new LuaPattern(s, pattern, anchored ? 1 : 0);
        for (int start = from; ; start++) {
            int end = matcher.matchAt(start);
            if (end >= 0) {
                return find
                        ? LuaValue.varargsOf(LuaValue.valueOf(start + 1), LuaValue.valueOf(end), matcher.capturesOnly())
                        : matcher.captures(start, end);
            }
            if (anchored || start >= length) {
                return LuaValue.NIL;
            }
        }
    }

    /** Where {@code needle} first occurs in {@code s} from offset {@code from}, or -1. */
    private static int indexOf(LuaString s, LuaString needle, int from) {
        byte[] h = s.m_bytes;
        byte[] n = needle.m_bytes;
        int last = s.m_length - needle.m_length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int k = 0; k < needle.m_length; k++) {
                if (h[s.m_offset + i + k] != n[needle.m_offset + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** An iterator over the matches; {@code ^} is an ordinary byte here, as in Lua 5.2. */
    private static Varargs gmatch(LemFunction f, Varargs args) {
        LuaString s = f.checkString(args, 1);
        LuaPattern matcher = new LuaPattern(s, f.checkString(args, 2), 0);
        return new VarArgFunction() {
            private int next;

            @Override
            public Varargs invoke(Varargs ignored) {
                for (int start = next; start <= s.m_length; start++) {
                    int end = matcher.matchAt(start);
                    if (end >= 0) {
                        next = end == start ? end + 1 : end; // after an empty match, move on by one
                        return matcher.captures(start, end);
                    }
                }
                return NONE;
            }
        };
    }

    private static Varargs gsub(LemFunction f, Varargs args) {
        LuaString s = f.checkString(args, 1);
        LuaString pattern = f.checkString(args, 2);
        LuaValue replacement = args.arg(3);
        int length = s.m_length;
        long max = f.optInteger(args, 4, length + 1L);
        int type = replacement.type();
        if (type != LuaValue.TNUMBER && type != LuaValue.TSTRING && type != LuaValue.TFUNCTION && type != LuaValue.TTABLE) {
            throw f.argError(3, "string/function/table expected");
        }
        boolean anchored = LuaPattern.isAnchored(pattern);
        LuaPattern matcher = new LuaPattern(s, pattern, anchored ? 1 : 0);
        ByteBuilder out = new ByteBuilder(length);
        int at = 0;
        long count = 0;
        while (Long.compareUnsigned(count, max) < 0) { // a negative maximum is huge as Lua's size_t
            int end = matcher.matchAt(at);
            if (end >= 0) {
                count++;
                appendReplacement(out, matcher, s, at, end, replacement);
            }
            if (end > at) {
                at = end;
            } else if (at < length) {
                out.append(s.m_bytes[s.m_offset + at++]);
            } else {
                break;
            }
            if (anchored) {
                break;
            }
        }
        out.append(s.m_bytes, s.m_offset + at, length - at);
        return LuaValue.varargsOf(out.toLuaString(), LuaValue.valueOf(count));
    }

    /** What replaces the match {@code [start, end)}: false or nil from a table or function keeps the match. */
    private static void appendReplacement(ByteBuilder out, LuaPattern matcher, LuaString s, int start, int end,
            LuaValue replacement) {
        LuaValue value;
        switch (replacement.type()) {
            case LuaValue.TFUNCTION -> value = replacement.invoke(matcher.captures(start, end)).arg1();
            case LuaValue.TTABLE -> value = replacement.get(matcher.capture(0, start, end));
            default -> {
                appendExpanded(out, matcher, s, start, end, replacement.strvalue());
                return;
            }
        }
        if (!value.toboolean()) {
            out.append(s.m_bytes, s.m_offset + start, end - start);
        } else if (value.isstring()) {
            out.append(value.strvalue());
        } else {
            throw new LuaError("invalid replacement value (a " + value.typename() + ")");
        }
    }

    /** A replacement string: {@code %0} is the match, {@code %1}..{@code %9} its captures, {@code %%} a percent. */
    private static void appendExpanded(ByteBuilder out, LuaPattern matcher, LuaString s, int start, int end, LuaString text) {
        byte[] b = text.m_bytes;
        int stop = text.m_offset + text.m_length;
        for (int i = text.m_offset; i < stop; i++) {
            if (b[i] != '%') {
                out.append(b[i]);
                continue;
            }
            i++;
            int c = i < stop ? b[i] : 0;
            if (c == '0') {
                out.append(s.m_bytes, s.m_offset + start, end - start);
            } else if (c >= '1' && c <= '9') {
                out.append(matcher.capture(c - '1', start, end).strvalue());
            } else if (c == '%') {
                out.append((byte) '%');
            } else {
                throw new LuaError("invalid use of '%' in replacement string");
            }
        }
    }
}
