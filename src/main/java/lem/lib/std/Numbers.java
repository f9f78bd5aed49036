package lem.lib.std;

import org.luaj.vm2.LuaInteger;
import org.luaj.vm2.LuaValue;

/**
 * Lua 5.2's arithmetic where LuaJ's differs, called from LuaJ's number classes (see
 * LuajPatcher). LuaJ keeps integral numbers as LuaInteger, which cannot hold -0: here -0
 * stays a double, and 0/0 and x%0 give the NaN the hardware gives, as C does (on x86-64 its
 * sign bit is set, and Lua prints it as -nan). These run on every arithmetic operation.
 */
public final class Numbers {
    private static final LuaValue NEGATIVE_ZERO = LuaValue.valueOf(-0.0);

    private Numbers() {
    }

    /** True when LuaJ may keep {@code d} as a LuaInteger: an int value, and not -0. */
    public static boolean isInteger(double d) {
        int i = (int) d;
        return i == d && (i != 0 || Double.doubleToRawLongBits(d) == 0);
    }

    /** A double's hash for table keys; -0 hashes as 0 does, since they are the same key. */
    public static int hash(double d) {
        if (d == 0) {
            return 0;
        }
        long bits = Double.doubleToLongBits(d + 1);
        return (int) (bits >> 32) + (int) bits;
    }

    /** -i; -0 when i is 0. */
    public static LuaValue negate(int i) {
        return i == 0 ? NEGATIVE_ZERO : LuaInteger.valueOf(-(long) i);
    }

    /** a*b; -0 when the product is zero and one factor is negative, as with doubles. */
    public static LuaValue multiply(int a, int b) {
        long product = (long) a * b;
        return product == 0 && (a < 0 || b < 0) ? NEGATIVE_ZERO : LuaInteger.valueOf(product);
    }

    /** a/b as C divides doubles (division by zero gives inf, -inf or NaN). */
    public static LuaValue divide(double a, double b) {
        return LuaValue.valueOf(a / b);
    }

    /** a%b as Lua 5.2 defines it: a - floor(a/b)*b (NaN when b is 0). */
    public static LuaValue modulo(double a, double b) {
        return LuaValue.valueOf(a - Math.floor(a / b) * b);
    }
}
