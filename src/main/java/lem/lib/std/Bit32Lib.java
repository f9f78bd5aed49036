package lem.lib.std;

import java.util.function.IntBinaryOperator;
import lem.lib.LemFunction;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's {@code bit32}: operands become 32-bit unsigned integers as 5.2 converts them on
 * x86-64 (rounded, modulo 2^32: see {@link Bits}), shift counts are truncated C ints, and
 * results are numbers in [0, 2^32).
 */
public final class Bit32Lib {
    private static final int BITS = 32;

    private Bit32Lib() {
    }

    public static void install(Globals globals) {
        LuaTable bit32 = new LuaTable();
        IntBinaryOperator and = (a, b) -> a & b;
        fold(bit32, "band", -1, and);
        fold(bit32, "bor", 0, (a, b) -> a | b);
        fold(bit32, "bxor", 0, (a, b) -> a ^ b);
        bit32.set("btest", LemFunction.of("btest", (self, args) -> LuaValue.valueOf(combine(self, args, -1, and) != 0)));
        bit32.set("bnot", LemFunction.of("bnot", (self, args) -> result(~unsigned(self, args, 1))));
        bit32.set("lshift", LemFunction.of("lshift", (self, args) -> shift(unsigned(self, args, 1), self.checkInt(args, 2))));
        bit32.set("rshift", LemFunction.of("rshift", (self, args) -> shift(unsigned(self, args, 1), -self.checkInt(args, 2))));
        bit32.set("arshift", LemFunction.of("arshift", (self, args) -> {
            int r = unsigned(self, args, 1);
            int i = self.checkInt(args, 2);
            if (i < 0 || r >= 0) {
                return shift(r, -i);
            }
            return result(i >= BITS ? -1 : r >> i);
        }));
        bit32.set("lrotate", LemFunction.of("lrotate", (self, args) -> rotate(unsigned(self, args, 1), self.checkInt(args, 2))));
        bit32.set("rrotate", LemFunction.of("rrotate", (self, args) -> rotate(unsigned(self, args, 1), -self.checkInt(args, 2))));
        bit32.set("extract", LemFunction.of("extract", (self, args) -> {
            int r = unsigned(self, args, 1);
            int f = field(self, args, 2);
            return result((r >>> f) & mask(self.optInt(args, 3, 1)));
        }));
        bit32.set("replace", LemFunction.of("replace", (self, args) -> {
            int r = unsigned(self, args, 1);
            int v = unsigned(self, args, 2);
            int f = field(self, args, 3);
            int m = mask(self.optInt(args, 4, 1));
            return result((r & ~(m << f)) | ((v & m) << f));
        }));
        globals.set("bit32", bit32);
        globals.get("package").get("loaded").set("bit32", bit32);
    }

    private static int unsigned(LemFunction self, Varargs args, int arg) {
        return Bits.toUnsigned(self.checkNumber(args, arg));
    }

    private static LuaValue result(int bits) {
        return LuaValue.valueOf((double) Integer.toUnsignedLong(bits));
    }

    /** band, bor, bxor: every argument combined, starting from {@code identity}. */
    private static void fold(LuaTable bit32, String name, int identity, IntBinaryOperator op) {
        bit32.set(name, LemFunction.of(name, (self, args) -> result(combine(self, args, identity, op))));
    }

    private static int combine(LemFunction self, Varargs args, int identity, IntBinaryOperator op) {
        int r = identity;
        for (int i = 1; i <= args.narg(); i++) {
            r = op.applyAsInt(r, unsigned(self, args, i));
        }
        return r;
    }

    /** Shifts left by {@code i}, or right by {@code -i}; 32 places or more give 0. */
    private static LuaValue shift(int r, int i) {
        if (i < 0) {
            return result(-i >= BITS || -i < 0 ? 0 : r >>> -i);
        }
        return result(i >= BITS ? 0 : r << i);
    }

    private static LuaValue rotate(int r, int i) {
        return result(Integer.rotateLeft(r, i & (BITS - 1)));
    }

    /** The field position of extract and replace, checked with the width after it. */
    private static int field(LemFunction self, Varargs args, int arg) {
        int f = self.checkInt(args, arg);
        int w = self.optInt(args, arg + 1, 1);
        if (f < 0) {
            throw self.argError(arg, "field cannot be negative");
        }
        if (w <= 0) {
            throw self.argError(arg + 1, "width must be positive");
        }
        if (f + w > BITS) {
            throw new LuaError("trying to access non-existent bits");
        }
        return f;
    }

    private static int mask(int width) {
        return ~((-1 << 1) << (width - 1));
    }
}
