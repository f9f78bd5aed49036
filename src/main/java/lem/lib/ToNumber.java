package lem.lib;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's {@code tonumber(v [, base])}. Without a base, numbers stay and strings convert as
 * Lua reads numerals ({@link LuaNumbers#parse}); with one, the text must be an integer numeral
 * in that base (2 to 36), with an optional minus sign and surrounding white space.
 */
public final class ToNumber extends LemFunction {
    public ToNumber() {
        super("tonumber");
    }

    @Override
    public Varargs invoke(Varargs args) {
        if (args.isnil(2)) {
            if (args.narg() < 1) {
                throw argError(1, "value expected");
            }
            return args.arg1().tonumber();
        }
        LuaString text = checkString(args, 1);
        int base = checkInt(args, 2);
        if (base < 2 || base > 36) {
            throw argError(2, "base out of range");
        }
        return inBase(text, base);
    }

    /** The integer numeral {@code text} in {@code base}, or nil; digits accumulate in a double, as in Lua. */
    private static LuaValue inBase(LuaString text, int base) {
        byte[] b = text.m_bytes;
        int i = text.m_offset;
        int end = i + text.m_length;
        i = skipSpace(b, i, end);
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i++] == '-';
        }
        int digitsStart = i;
        double n = 0;
        for (; i < end; i++) {
            int digit = Character.digit(b[i], 36); // 0-9, a-z, A-Z: Lua's isalnum in the C locale
            if (digit < 0 || digit >= base) {
                break;
            }
            n = n * base + digit;
        }
        if (i == digitsStart || skipSpace(b, i, end) != end) {
            return NIL;
        }
        return valueOf(negative ? -n : n);
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) {
            i++;
        }
        return i;
    }
}
