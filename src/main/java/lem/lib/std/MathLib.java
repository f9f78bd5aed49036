package lem.lib.std;

import java.util.function.DoubleUnaryOperator;
import lem.lib.LemFunction;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's {@code math} library with C's results: -0 and the sign of NaN where the C library
 * gives them, {@code log} with a base, glibc's random generator, 5.2's argument errors, and the
 * compatibility function {@code log10} that Debian's lua5.2 has.
 */
public final class MathLib {
    private static final double RADIANS_PER_DEGREE = Math.PI / 180.0;
    /** glibc answers some domain errors with a NaN whose sign bit is clear. */
    private static final double POSITIVE_NAN = Double.longBitsToDouble(0x7ff8000000000000L);

    private MathLib() {
    }

    public static void install(Globals globals) {
        LuaTable math = new LuaTable();
        unary(math, "abs", Math::abs);
        unary(math, "ceil", Math::ceil);
        unary(math, "floor", Math::floor);
        unary(math, "sqrt", Math::sqrt);
        unary(math, "exp", Math::exp);
        unary(math, "log10", x -> x < 0 ? POSITIVE_NAN : Math.log10(x));
        unary(math, "sin", Math::sin);
        unary(math, "cos", Math::cos);
        unary(math, "tan", Math::tan);
        unary(math, "asin", x -> Math.abs(x) > 1 ? POSITIVE_NAN : Math.asin(x));
        unary(math, "acos", x -> Math.abs(x) > 1 ? POSITIVE_NAN : Math.acos(x));
        unary(math, "atan", Math::atan);
        unary(math, "sinh", Math::sinh);
        unary(math, "cosh", Math::cosh);
        unary(math, "tanh", Math::tanh);
        unary(math, "deg", x -> x / RADIANS_PER_DEGREE);
        unary(math, "rad", x -> x * RADIANS_PER_DEGREE);
        math.set("atan2", LemFunction.direct("atan2", (self, args) ->
                LuaValue.valueOf(Math.atan2(self.checkNumber(args, 1), self.checkNumber(args, 2)))));
        math.set("pow", LemFunction.direct("pow", (self, args) ->
                LuaValue.valueOf(Math.pow(self.checkNumber(args, 1), self.checkNumber(args, 2)))));
        math.set("fmod", LemFunction.direct("fmod", (self, args) ->
                LuaValue.valueOf(self.checkNumber(args, 1) % self.checkNumber(args, 2))));
        math.set("log", LemFunction.direct("log", (self, args) -> {
            double x = self.checkNumber(args, 1);
            if (args.arg(2).isnil()) {
                return LuaValue.valueOf(Math.log(x));
            }
            double base = self.checkNumber(args, 2);
            return LuaValue.valueOf(base == 10.0 ? (x < 0 ? POSITIVE_NAN : Math.log10(x)) : Math.log(x) / Math.log(base));
        }));
        math.set("modf", LemFunction.direct("modf", (self, args) -> {
            double x = self.checkNumber(args, 1);
            double whole = x >= 0 ? Math.floor(x) : Math.ceil(x);
            // C's modf: the fraction has the sign of x, and is 0 for infinities
            double fraction = Double.isInfinite(x) ? Math.copySign(0.0, x) : Math.copySign(x - whole, x);
            return LuaValue.varargsOf(LuaValue.valueOf(whole), LuaValue.valueOf(fraction));
        }));
        math.set("frexp", LemFunction.direct("frexp", (self, args) -> frexp(self.checkNumber(args, 1))));
        math.set("ldexp", LemFunction.direct("ldexp", (self, args) ->
                LuaValue.valueOf(Math.scalb(self.checkNumber(args, 1), self.checkInt(args, 2)))));
        math.set("min", LemFunction.direct("min", (self, args) -> extreme(self, args, -1)));
        math.set("max", LemFunction.direct("max", (self, args) -> extreme(self, args, 1)));
        GlibcRandom random = new GlibcRandom();
        math.set("random", LemFunction.direct("random", (self, args) -> random(self, args, random)));
        math.set("randomseed", LemFunction.direct("randomseed", (self, args) -> {
            random.seed(Bits.toUnsigned(self.checkNumber(args, 1)));
            random.next(); // Lua 5.2 discards the first value
            return LuaValue.NONE;
        }));
        math.set("pi", Math.PI);
        math.set("huge", Double.POSITIVE_INFINITY);
        globals.set("math", math);
        globals.get("package").get("loaded").set("math", math);
    }

    private static void unary(LuaTable math, String name, DoubleUnaryOperator f) {
        math.set(name, LemFunction.direct(name, (self, args) -> LuaValue.valueOf(f.applyAsDouble(self.checkNumber(args, 1)))));
    }

    /** min (sign -1) or max (sign 1): the first argument that no later one beats, as C compares. */
    private static Varargs extreme(LemFunction self, Varargs args, int sign) {
        double best = self.checkNumber(args, 1);
        for (int i = 2; i <= args.narg(); i++) {
            double d = self.checkNumber(args, i);
            if (sign < 0 ? d < best : d > best) {
                best = d;
            }
        }
        return LuaValue.valueOf(best);
    }

    /** C's frexp: x = m * 2^e with 0.5 <= |m| < 1; zeros, infinities and NaN come back with e = 0. */
    private static Varargs frexp(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return LuaValue.varargsOf(LuaValue.valueOf(x), LuaValue.ZERO);
        }
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) { // subnormal: scale it into the normal range first
            x *= 0x1p54;
            e = Math.getExponent(x) - 54;
        }
        double m = Math.scalb(x, -Math.getExponent(x) - 1);
        return LuaValue.varargsOf(LuaValue.valueOf(m), LuaValue.valueOf(e + 1));
    }

    private static Varargs random(LemFunction self, Varargs args, GlibcRandom random) {
        double r = (double) (random.next() % GlibcRandom.RAND_MAX) / GlibcRandom.RAND_MAX;
        switch (args.narg()) {
            case 0:
                return LuaValue.valueOf(r);
            case 1: {
                double u = self.checkNumber(args, 1);
                if (!(1.0 <= u)) {
                    throw self.argError(1, "interval is empty");
                }
                return LuaValue.valueOf(Math.floor(r * u) + 1.0);
            }
            case 2: {
                double l = self.checkNumber(args, 1);
                double u = self.checkNumber(args, 2);
                if (!(l <= u)) {
                    throw self.argError(2, "interval is empty");
                }
                return LuaValue.valueOf(Math.floor(r * (u - l + 1)) + l);
            }
            default:
                throw new LuaError("wrong number of arguments");
        }
    }
}
