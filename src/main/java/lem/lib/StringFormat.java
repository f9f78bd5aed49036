package lem.lib;

import java.util.Arrays;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2.4's {@code string.format} ({@code str_format} in lstrlib.c) on top of glibc's {@code sprintf}, byte
 * for byte: the format and {@code %s}/{@code %q} arguments are byte strings, numbers are written by
 * {@link LuaNumbers}.
 */
public final class StringFormat {
    private static final LuaString TOSTRING = LuaString.valueOf("__tostring");
    private static final String FLAGS = "-+ #0";
    private static final byte[] NULL_TEXT = {'(', 'n', 'u', 'l', 'l', ')'};
    private static final double TWO_63 = 9223372036854775808.0;
    private static final double TWO_64 = 18446744073709551616.0;

    private StringFormat() {
    }

    /** {@code string.format(fmt, ...)}: {@code args.arg(1)} is the format. */
    public static LuaString format(Varargs args) {
        LuaString fmt = checkString(args, 1);
        int top = args.narg();
        byte[] f = fmt.m_bytes;
        int i = fmt.m_offset;
        int end = i + fmt.m_length;
        Buffer out = new Buffer(fmt.m_length + 16);
        int arg = 1;
        while (i < end) {
            byte c = f[i++];
            if (c != '%') {
                out.add(c);
                continue;
            }
            if (at(f, i, end) == '%') {
                out.add((byte) '%');
                i++;
                continue;
            }
            if (++arg > top) {
                throw argError(arg, "no value");
            }
            // scanformat
            int start = i;
            while (i < end && FLAGS.indexOf(f[i]) >= 0) {
                i++;
            }
            if (i - start >= FLAGS.length() + 1) {
                throw new LuaError("invalid format (repeated flags)");
            }
            int flags = 0;
            for (int k = start; k < i; k++) {
                switch (f[k]) {
                    case '-' -> flags |= LuaNumbers.LEFT;
                    case '+' -> flags |= LuaNumbers.PLUS;
                    case ' ' -> flags |= LuaNumbers.SPACE;
                    case '#' -> flags |= LuaNumbers.ALT;
                    default -> flags |= LuaNumbers.ZERO;
                }
            }
            int width = 0;
            for (int k = 0; k < 2 && isDigit(at(f, i, end)); k++) {
                width = width * 10 + (f[i++] - '0');
            }
            int precision = -1;
            if (at(f, i, end) == '.') {
                i++;
                precision = 0;
                for (int k = 0; k < 2 && isDigit(at(f, i, end)); k++) {
                    precision = precision * 10 + (f[i++] - '0');
                }
            }
            if (isDigit(at(f, i, end))) {
                throw new LuaError("invalid format (width or precision too long)");
            }
            int conv = at(f, i, end);
            i++;
            switch (conv) {
                case 'c' -> {
                    byte ch = (byte) toCLong(checkNumber(args, arg));
                    padBytes(out, new byte[] {ch}, 0, 1, flags, width);
                }
                case 'd', 'i' -> {
                    double n = checkNumber(args, arg);
                    if (!(n >= -TWO_63 && n < TWO_63)) { // NaN, or truncation out of long range
                        throw argError(arg, "not a number in proper range");
                    }
                    out.add(formatInteger((long) n, conv, flags, width, precision));
                }
                case 'o', 'u', 'x', 'X' -> {
                    double n = checkNumber(args, arg);
                    if (!(n > -1 && n < TWO_64)) {
                        throw argError(arg, "not a non-negative number in proper range");
                    }
                    long v = n < TWO_63 ? (long) n : (long) (n - TWO_63) ^ Long.MIN_VALUE;
                    out.add(formatInteger(v, conv, flags, width, precision));
                }
                case 'e', 'E', 'f', 'g', 'G', 'a', 'A' ->
                    out.add(LuaNumbers.format(checkNumber(args, arg), (char) conv, flags, width, precision));
                case 'q' -> addQuoted(out, checkString(args, arg));
                case 's' -> addString(out, args.arg(arg), flags, width, precision);
                default -> throw invalidOption(conv);
            }
        }
        return LuaString.valueOf(Arrays.copyOf(out.bytes, out.length));
    }

    // ---------------------------------------------------------------- conversions

    /** A C integer conversion of {@code v} ({@code %d %i} signed, {@code %o %u %x %X} unsigned). */
    static String formatInteger(long v, int conv, int flags, int width, int precision) {
        String digits;
        String prefix = "";
        boolean isZero = v == 0;
        switch (conv) {
            case 'd', 'i' -> {
                if (v < 0) {
                    prefix = "-";
                    digits = Long.toUnsignedString(-v);
                } else {
                    prefix = (flags & LuaNumbers.PLUS) != 0 ? "+" : (flags & LuaNumbers.SPACE) != 0 ? " " : "";
                    digits = Long.toString(v);
                }
            }
            case 'u' -> digits = Long.toUnsignedString(v);
            case 'o' -> digits = Long.toOctalString(v);
            case 'x' -> digits = Long.toHexString(v);
            default -> digits = Long.toHexString(v).toUpperCase();
        }
        if (isZero && precision == 0) {
            digits = "";
        }
        if (precision > digits.length()) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        if ((flags & LuaNumbers.ALT) != 0) {
            if (conv == 'o' && !digits.startsWith("0")) {
                digits = "0" + digits;
            } else if ((conv == 'x' || conv == 'X') && !isZero) {
                prefix = conv == 'x' ? "0x" : "0X";
            }
        }
        boolean zeros = (flags & LuaNumbers.ZERO) != 0 && (flags & LuaNumbers.LEFT) == 0 && precision < 0;
        return LuaNumbers.pad(prefix, digits, 0, flags, width, zeros);
    }

    /** {@code %s}: Lua's tostring, then C's {@code %s} (which stops at a zero byte) unless it is long. */
    private static void addString(Buffer out, LuaValue v, int flags, int width, int precision) {
        LuaString s = toLuaString(v);
        if (s == null) { // __tostring gave no string: glibc prints NULL as "(null)", or nothing if cut short
            int n = precision >= 0 && precision < NULL_TEXT.length ? 0 : NULL_TEXT.length;
            padBytes(out, NULL_TEXT, 0, n, flags, width);
            return;
        }
        byte[] b = s.m_bytes;
        int off = s.m_offset;
        int len = s.m_length;
        if (precision < 0 && len >= 100) { // lstrlib keeps a long string as it is, width or not
            out.add(b, off, len);
            return;
        }
        int n = 0;
        int limit = precision < 0 ? len : Math.min(len, precision);
        while (n < limit && b[off + n] != 0) {
            n++;
        }
        padBytes(out, b, off, n, flags, width);
    }

    /** {@code %q}: a string between double quotes that Lua reads back as the same bytes. */
    private static void addQuoted(Buffer out, LuaString s) {
        byte[] b = s.m_bytes;
        int off = s.m_offset;
        int end = off + s.m_length;
        out.add((byte) '"');
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (c == '"' || c == '\\' || c == '\n') {
                out.add((byte) '\\');
                out.add(c);
            } else if ((c >= 0 && c < 32) || c == 127) {
                out.add((byte) '\\');
                int u = c & 0xff;
                boolean digitNext = i + 1 < end && isDigit(b[i + 1]);
                if (digitNext || u >= 100) {
                    out.add((byte) ('0' + u / 100));
                }
                if (digitNext || u >= 10) {
                    out.add((byte) ('0' + u / 10 % 10));
                }
                out.add((byte) ('0' + u % 10));
            } else {
                out.add(c);
            }
        }
        out.add((byte) '"');
    }

    private static void padBytes(Buffer out, byte[] b, int off, int n, int flags, int width) {
        boolean left = (flags & LuaNumbers.LEFT) != 0;
        if (!left) {
            out.fill((byte) ' ', width - n);
        }
        out.add(b, off, n);
        if (left) {
            out.fill((byte) ' ', width - n);
        }
    }

    // ---------------------------------------------------------------- arguments

    /**
     * Lua's {@code tostring} as {@code luaL_tolstring} does it: {@code __tostring} first, numbers as
     * {@code %.14g}; null when {@code __tostring} returns something that is neither string nor number.
     */
    static LuaString toLuaString(LuaValue v) {
        LuaValue tostring = v.metatag(TOSTRING);
        if (!tostring.isnil()) {
            LuaValue r = tostring.call(v);
            return switch (r.type()) {
                case LuaValue.TSTRING -> r.checkstring();
                case LuaValue.TNUMBER -> LuaString.valueOf(LuaNumbers.toText(r.todouble()));
                default -> null;
            };
        }
        return switch (v.type()) {
            case LuaValue.TSTRING -> v.checkstring();
            case LuaValue.TNUMBER -> LuaString.valueOf(LuaNumbers.toText(v.todouble()));
            default -> LuaString.valueOf(v.tojstring());
        };
    }

    /** {@code luaL_checklstring}: a string, or a number as its text. */
    private static LuaString checkString(Varargs args, int i) {
        if (i <= args.narg()) {
            LuaValue v = args.arg(i);
            switch (v.type()) {
                case LuaValue.TSTRING:
                    return v.checkstring();
                case LuaValue.TNUMBER:
                    return LuaString.valueOf(LuaNumbers.toText(v.todouble()));
                default:
                    break;
            }
        }
        throw typeError(args, i, "string");
    }

    /** {@code luaL_checknumber}: a number, or a string that reads as one. */
    private static double checkNumber(Varargs args, int i) {
        LuaValue v = args.arg(i);
        switch (v.type()) {
            case LuaValue.TNUMBER:
                return v.todouble();
            case LuaValue.TSTRING: {
                LuaString s = v.checkstring();
                double d = LuaNumbers.parse(s.m_bytes, s.m_offset, s.m_length);
                if (!Double.isNaN(d)) {
                    return d;
                }
                break;
            }
            default:
                break;
        }
        throw typeError(args, i, "number");
    }

    /** C's conversion of a double to a 64-bit integer on x86-64: out of range (or NaN) gives the minimum. */
    private static long toCLong(double n) {
        return n >= -TWO_63 && n < TWO_63 ? (long) n : Long.MIN_VALUE;
    }

    private static LuaError typeError(Varargs args, int i, String expected) {
        String got = i <= args.narg() ? args.arg(i).typename() : "no value";
        return argError(i, expected + " expected, got " + got);
    }

    private static LuaError argError(int i, String message) {
        return new LuaError("bad argument #" + i + " to 'format' (" + message + ")");
    }

    private static LuaError invalidOption(int conv) {
        return new LuaError("invalid option '%" + (char) (conv & 0xff) + "' to 'format'");
    }

    private static int at(byte[] f, int i, int end) {
        return i < end ? f[i] : 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** A growing byte array. */
    private static final class Buffer {
        byte[] bytes;
        int length;

        Buffer(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        private void ensure(int extra) {
            if (length + extra > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
            }
        }

        void add(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        void add(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, bytes, length, n);
            length += n;
        }

        void add(String ascii) {
            int n = ascii.length();
            ensure(n);
            for (int k = 0; k < n; k++) {
                bytes[length++] = (byte) ascii.charAt(k);
            }
        }

        void fill(byte b, int n) {
            if (n > 0) {
                ensure(n);
                Arrays.fill(bytes, length, length + n, b);
                length += n;
            }
        }
    }
}
