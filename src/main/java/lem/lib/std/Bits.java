package lem.lib.std;

/** Numbers as 32-bit unsigned integers, the way Lua 5.2 converts them on x86-64. */
final class Bits {
    /** 2^52 + 2^51: adding it leaves a double's integer part, rounded, in the low mantissa bits. */
    private static final double MAGIC = 6755399441055744.0;

    private Bits() {
    }

    /**
     * lua_Unsigned of a number: rounded to the nearest integer (ties to even) and taken modulo
     * 2^32, as Lua's IEEE 754 trick does (so 3.7 is 4 and -1 is 0xFFFFFFFF).
     */
    static int toUnsigned(double d) {
        return (int) Double.doubleToRawLongBits(d + MAGIC);
    }
}
