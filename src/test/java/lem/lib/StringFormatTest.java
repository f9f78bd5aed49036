package lem.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * {@link StringFormat#format} and {@link LuaNumbers#toText} against lua5.2 (5.2.4, Debian, x86-64): every
 * expected text in the case lists below is what lua5.2 printed for the same call ({@code pcall} error
 * messages with {@code 'string.format'} written {@code 'format'}, the name a direct call reports).
 * Strings are byte strings, written here one char per byte (ISO-8859-1).
 */
class StringFormatTest {
    static final double INF = Double.POSITIVE_INFINITY;
    /** The NaN of x86-64's 0/0 (sign bit set): lua5.2 prints it "-nan". */
    static final double NEG_NAN = LuaNumbers.DEFAULT_NAN;
    /** The NaN of -(0/0): lua5.2 prints it "nan". */
    static final double POS_NAN = Double.longBitsToDouble(0x7ff8000000000000L);
    static final LuaValue NIL = LuaValue.NIL;

    // ------------------------------------------------------------------ helpers

    private static Arguments ok(String expected, Object... args) {
        return Arguments.of(expected, args);
    }

    private static Arguments err(String message, Object... args) {
        return Arguments.of(message, args);
    }

    private static Arguments text(String expected, double d) {
        return Arguments.of(expected, d);
    }

    /** A number as LuaJ holds it; -0.0, which LuaJ turns into integer 0, as a number that keeps its sign. */
    private static LuaValue number(double d) {
        if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
            return new LuaNumber() {
                @Override
                public double todouble() {
                    return d;
                }

                @Override
                public String tojstring() {
                    return "-0";
                }
            };
        }
        return LuaValue.valueOf(d);
    }

    private static LuaValue value(Object o) {
        if (o instanceof LuaValue v) {
            return v;
        } else if (o instanceof Integer i) {
            return LuaValue.valueOf(i);
        } else if (o instanceof Double d) {
            return number(d);
        } else if (o instanceof String s) {
            return LuaString.valueOf(s.getBytes(StandardCharsets.ISO_8859_1));
        } else if (o instanceof Boolean b) {
            return LuaValue.valueOf(b);
        }
        throw new IllegalArgumentException(String.valueOf(o));
    }

    private static Varargs varargs(Object... args) {
        LuaValue[] values = new LuaValue[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = value(args[i]);
        }
        return LuaValue.varargsOf(values);
    }

    private static String format(Object... args) {
        LuaString s = StringFormat.format(varargs(args));
        return new String(s.m_bytes, s.m_offset, s.m_length, StandardCharsets.ISO_8859_1);
    }

    private static String formatError(Object... args) {
        return assertThrows(LuaError.class, () -> format(args)).getMessage();
    }

    // ------------------------------------------------------------------ tests

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @MethodSource("formats")
    void formatsLikeLua(String expected, Object[] args) {
        assertEquals(expected, format(args));
    }

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @MethodSource("errors")
    void failsLikeLua(String message, Object[] args) {
        assertEquals(message, formatError(args));
    }

    @ParameterizedTest(name = "[{index}] {1} -> {0}")
    @MethodSource("texts")
    void numberToTextLikeLua(String expected, double d) {
        assertEquals(expected, LuaNumbers.toText(d));
        assertEquals(expected, format("%s", d));
    }

    private static LuaTable withToString(LuaValue result) {
        LuaTable t = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.set("__tostring", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue self) {
                return result;
            }
        });
        t.setmetatable(meta);
        return t;
    }

    @Test
    void stringOfValuesWithToString() {
        // lua5.2: __tostring returning 42, nil, "obj\0x", ("ab"):rep(60), 0.1
        assertEquals("42", format("%s", withToString(LuaValue.valueOf(42))));
        assertEquals("0.1", format("%s", withToString(LuaValue.valueOf(0.1))));
        LuaTable nil = withToString(LuaValue.NIL);
        assertEquals("(null)|(null)|(null)|", format("%s|%5s|%-5s|%.1s", nil, nil, nil, nil));
        assertEquals("    (null)|", format("%10s|", nil));
        LuaTable zero = withToString(LuaValue.valueOf(new byte[] {'o', 'b', 'j', 0, 'x'}));
        assertEquals("obj|       obj|obj", format("%s|%10s|%.3s", zero, zero, zero));
        assertEquals("ab".repeat(60), format("%5s", withToString(LuaValue.valueOf("ab".repeat(60)))));
        assertEquals("bad argument #2 to 'format' (string expected, got table)",
                formatError("%q", withToString(LuaValue.valueOf(42))));
        assertEquals("bad argument #2 to 'format' (number expected, got table)",
                formatError("%d", withToString(LuaValue.valueOf(42))));
    }

    @Test
    void stringOfValuesWithoutToString() {
        assertTrue(format("%s", new LuaTable()).startsWith("table: "));
        assertEquals("bad argument #2 to 'format' (number expected, got table)", formatError("%d", new LuaTable()));
        assertEquals("bad argument #2 to 'format' (string expected, got table)", formatError("%q", new LuaTable()));
        assertEquals("bad argument #1 to 'format' (string expected, got table)", formatError(new LuaTable()));
    }

    @Test
    void resultIsAFreshByteString() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        LuaString s = StringFormat.format(LuaValue.varargsOf(LuaValue.valueOf("%s"), LuaValue.valueOf(bytes)));
        assertEquals(LuaValue.valueOf(bytes), s);
    }

    /** The shortcut through Java's shortest digits rounds exactly like the exact binary value does. */
    @Test
    void digitsMatchExactRounding() {
        SplittableRandom random = new SplittableRandom(52);
        char[] fast = new char[17];
        for (int k = 0; k < 30_000; k++) {
            double d = switch (k % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
                case 1 -> random.nextInt(1, 100_000_000) / Math.pow(10, random.nextInt(0, 12));
                case 2 -> (random.nextLong(1L << 53) + 0.5) * Math.pow(2, random.nextInt(-60, 10));
                default -> Math.pow(10, random.nextInt(-300, 300)) * (1 - Math.pow(10, -random.nextInt(1, 17)));
            };
            if (!(d > 0) || Double.isInfinite(d)) {
                continue;
            }
            int n = 1 + random.nextInt(15);
            int x = LuaNumbers.decompose(d, n, fast);
            BigDecimal exact = new BigDecimal(d).round(new MathContext(n, RoundingMode.HALF_EVEN));
            String digits = exact.unscaledValue().toString();
            String expected = (digits + "0".repeat(n)).substring(0, n) + "e" + (digits.length() - 1 - exact.scale());
            assertEquals(expected, new String(fast, 0, n) + "e" + x, () -> "digits of " + d + " to " + n);
            int p = random.nextInt(0, 20);
            String f = new BigDecimal(d).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
            assertEquals(f, LuaNumbers.formatF(d, p, false), () -> "%." + p + "f of " + d);
        }
    }

    /** {@code tostring} of a number is {@code %.14g}, whichever way either of them takes. */
    @Test
    void toTextIsPercent14g() {
        SplittableRandom random = new SplittableRandom(14);
        for (int k = 0; k < 100_000; k++) {
            double d = switch (k % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextLong(-200_000_000_000_000L, 200_000_000_000_000L);
                default -> random.nextInt(-1_000_000, 1_000_000) / Math.pow(10, random.nextInt(0, 20));
            };
            assertEquals(LuaNumbers.formatG(d, 14, false, false), LuaNumbers.toText(d), () -> "tostring of " + d);
        }
    }

    // ------------------------------------------------------------------ cases (generated from lua5.2's output)

    private static Stream<Arguments> formats0() {
        return Stream.of(
                ok(" 3.14", "%5.2f", 3.1415899999999999),
                ok("42", "%d", 42),
                ok("   42|42   |00042", "%5d|%-5d|%05d", 42, 42, 42),
                ok("33.333333333333", "%s", 33.333333333333336),
                ok("1e+15 9.2233720368548e+18", "%s %s", 1000000000000000.0, 9.2233720368547758e+18),
                ok("ff", "%x", 255),
                ok("FF", "%X", 255),
                ok("0xff", "%#x", 255),
                ok("10", "%o", 8),
                ok("Lua", "%c%c%c", 76, 117, 97),
                ok("1.234568e+04", "%e", 12345.678900000001),
                ok("1.234568E+04", "%E", 12345.678900000001),
                ok("1.234e-04", "%.3e", 0.00012344999999999999),
                ok("100000", "%g", 100000),
                ok("1e+06", "%g", 1000000),
                ok("0.0001", "%g", 0.0001),
                ok("1e-05", "%g", 1.0000000000000001e-05),
                ok("1E-20", "%G", 9.9999999999999995e-21),
                ok("0.1", "%g", 0.10000000000000001),
                ok("33.333333333333", "%.14g", 33.333333333333336),
                ok("0.10000000000000001", "%.17g", 0.10000000000000001),
                ok("0.10000000000000000555", "%.20f", 0.10000000000000001),
                ok("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000", "%f", 1.0000000000000001e+300),
                ok("0.333333333333333314829616256247390992939472198486328125000000000000000000000000000000000000000000000", "%.99f", 0.33333333333333331),
                ok("-100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "%99.99f", -1e+308),
                ok("3.333333333333333148296162562473909929394721984863281250000000000000000000000000000000000000000000000e-01", "%.99e", 0.33333333333333331),
                ok("0.1000000000000000055511151231257827021181583404541015625", "%.99g", 0.10000000000000001),
                ok("10000000000000000", "%.0f", 10000000000000000.0),
                ok("123456789012345680.000000", "%f", 1.2345678901234568e+17),
                ok("123456789012345680", "%d", 1.2345678901234568e+17),
                ok("1000000000000000", "%.0f", 1000000000000000.0),
                ok("    a|", "%5.1s|", "abc"),
                ok("hi        |", "%-10s|", "hi"),
                ok("        hi|", "%10s|", "hi"),
                ok("|", "%.0s|", "hi"),
                ok("|", "%.s|", "hi"),
                ok("", "%s", ""),
                ok("%", "%%"),
                ok("100% sure", "100%% sure"),
                ok("", ""),
                ok("plain text", "plain text"),
                ok("x=1", "%s=%d", "x", 1),
                ok("3", "%d", 3.7000000000000002),
                ok("-3", "%d", -3.7000000000000002),
                ok("0", "%d", 0.99999000000000005),
                ok("0", "%d", -0.99999000000000005),
                ok("9223372036854774784", "%d", 9.2233720368547748e+18),
                ok("-9223372036854775808", "%d", -9.2233720368547758e+18),
                ok("-9007199254740992", "%i", -9007199254740992.0),
                ok("9223372036854775808", "%u", 9.2233720368547758e+18),
                ok("fffffffffffff800", "%x", 1.844674407370955e+19),
                ok("1777777777777777774000", "%o", 1.844674407370955e+19),
                ok("20000000000000", "%X", 9007199254740992.0),
                ok("0", "%x", -0.5),
                ok("0", "%x", -0.98999999999999999),
                ok("0", "%u", 0),
                ok("10", "%d", "10"),
                ok("16", "%d", " 0x10 "),
                ok("100", "%d", "1e2"),
                ok("0", "%x", "-0.5"),
                ok("0.25", "%g", "0x1p-2"),
                ok("12.5", "%g", "  12.5\011"),
                ok("2", "%.17g", "0x1.fffffffffffff8"),
                ok("2.3058430092136937e+18", "%.17g", "0x1ffffffffffffe81"),
                ok("005", "%.3d", 5),
                ok("+005", "%+.3d", 5),
                ok(" 5", "% d", 5),
                ok("+5", "%+ d", 5),
                ok("+5   |", "%-+5d|", 5),
                ok("-0005", "%05d", -5),
                ok("-5   |", "%-05d|", -5),
                ok("|", "%.0d|", 0),
                ok("     |", "%5.0d|", 0),
                ok("0", "%#.0o", 0),
                ok("0", "%#x", 0),
                ok("0x001", "%#5.3x", 1),
                ok("010", "%#o", 8),
                ok("010", "%#.3o", 8),
                ok("    -007", "%08.3d", -7),
                ok("5", "%+u", 5),
                ok("5", "% x", 5),
                ok("5", "%+o", 5),
                ok("0XBEE", "%#X", 3054),
                ok("        0X0000000BEE", "%#20.10X", 3054),
                ok("0x0000000bee        |", "%-#20.10x|", 3054),
                ok("-0000000000123456789", "%020d", -123456789),
                ok("+0000000000123456789", "%+020d", 123456789),
                ok(" 0000000000123456789", "% 020d", 123456789),
                ok("-00000000000000000001", "%.20d", -1),
                ok("A", "%c", 65),
                ok("A", "%c", 321),
                ok("\377", "%c", -1),
                ok("A", "%c", 65.900000000000006),
                ok("    A|", "%5c|", 65),
                ok("A    |", "%-5c|", 65),
                ok("    A|", "%05c|", 65),
                ok("\000", "%c", 0),
                ok("B", "%c", "66"),
                ok("\377\000", "%c%c", 255, 256),
                ok("0 2 2 4 -0", "%.0f %.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5, -0.5),
                ok("0.12 0.38 2.67", "%.2f %.2f %.2f", 0.125, 0.375, 2.6749999999999998),
                ok("0.2 0.3 0.1", "%.1f %.1f %.1f", 0.25, 0.34999999999999998, 0.050000000000000003),
                ok("5e+00 2e+01 2e+01", "%.0e %.0e %.0e", 5, 15, 25),
                ok("1.2e+00", "%.1e", 1.25),
                ok("1", "%.3g", 1.0004999999999999),
                ok("2.5e-05", "%.3g", 2.5000000000000001e-05),
                ok("1e+06 999999 1e+07", "%g %g %g", 999999.5, 999999.40000000002, 9999995),
                ok("1.e+06 1.00000e+07", "%#g %#g", 999999.5, 9999995),
                ok("1.e+03 1.e+02", "%#.3g %#.2g", 999.5, 99.5),
                ok("0.9 0.5 1.", "%.1g %.0g %#.0g", 0.94999999999999996, 0.5, 1),
                ok("0.0001", "%g", 0.0001),
                ok("0.0001", "%g", 9.9999998999999995e-05),
                ok("0.000100000", "%#g", 9.9999998999999995e-05),
                ok("0.3 0.3 0.3 0.29999999999999999", "%.14g %.15g %.16g %.17g", 0.29999999999999999, 0.29999999999999999, 0.29999999999999999, 0.29999999999999999),
                ok("9.2233720368548e+18", "%.14g", 9.2233720368547758e+18),
                ok("1.2345678901234e+14", "%.14g", 123456789012345.0),
                ok("9223372036854775808", "%.0f", 9.2233720368547758e+18),
                ok("1000000000000000.125", "%.3f", 1000000000000000.1),
                ok("10000000000000000.0", "%.1f", 10000000000000000.0),
                ok("0.000000", "%f", 4.9406564584124654e-324)
        );
    }

    private static Stream<Arguments> formats1() {
        return Stream.of(
                ok("4.94065645841246544177e-324", "%.20e", 4.9406564584124654e-324),
                ok("4.94066e-324", "%g", 4.9406564584124654e-324),
                ok("0.000000e+00", "%e", 0),
                ok("0", "%g", 0),
                ok("0.00000", "%#g", 0),
                ok("0.e+00", "%#.0e", 0),
                ok("-0.000000", "%f", -0.0),
                ok("-0", "%g", -0.0),
                ok("-0.000000e+00", "%e", -0.0),
                ok("-0x0p+0", "%a", -0.0),
                ok("+0.000000", "%+f", 0),
                ok("-0.000000e+00", "% e", -0.0),
                ok("inf", "%f", INF),
                ok("-inf", "%f", -INF),
                ok("-nan", "%f", NEG_NAN),
                ok("nan", "%f", POS_NAN),
                ok("  nan|", "%5.1f|", POS_NAN),
                ok("  inf", "%05f", INF),
                ok("-inf    |", "%-8e|", -INF),
                ok("+inf", "%+f", INF),
                ok("-nan", "% f", NEG_NAN),
                ok("INF", "%E", INF),
                ok("-NAN", "%G", NEG_NAN),
                ok("+NAN", "%+G", POS_NAN),
                ok("INF", "%A", INF),
                ok("-nan", "%a", NEG_NAN),
                ok("      -nan", "%#010g", NEG_NAN),
                ok("inf -inf -nan nan", "%s %s %s %s", INF, -INF, NEG_NAN, POS_NAN),
                ok("0x1p+0", "%a", 1),
                ok("0X1.999999999999AP-4", "%A", 0.10000000000000001),
                ok("0x1.555p-2", "%.3a", 0.33333333333333331),
                ok("0x0p+0", "%a", 0),
                ok("0x0.0000000000001p-1022", "%a", 4.9406564584124654e-324),
                ok("0x1p-1022", "%a", 2.2250738585072014e-308),
                ok("0x1.fffffffffffffp+1023", "%a", 1.7976931348623157e+308),
                ok("0x1.p+0", "%#a", 1),
                ok("+0x1p+0", "%+a", 1),
                ok(" 0x1p+0", "% a", 1),
                ok("0x000000000000001p+0", "%020a", 1),
                ok("-0x1p+0             |", "%-20a|", -1),
                ok("0x2p+0", "%.0a", 1.5),
                ok("0x1p+1", "%.0a", 2.5),
                ok("0x1.0p+0", "%.1a", 1.03125),
                ok("0x1.2p+0", "%.1a", 1.09375),
                ok("0x2.0p+0", "%.1a", 1.96875),
                ok("0x2p+0", "%.0a", 1.96875),
                ok("0x0.00p-1022", "%.2a", 4.9406564584124654e-324),
                ok("0x1p-1022", "%.0a", 2.2250738585072009e-308),
                ok("0x1.5555555555555p-2", "%.13a", 0.33333333333333331),
                ok("0x1.55555555555550000000p-2", "%.20a", 0.33333333333333331),
                ok("0x2.p+1", "%#.0a", 3),
                ok("-0X1.FFP+7", "%A", -255.5),
                ok("12", "%s", 12),
                ok("0.33333333333333", "%s", 0.33333333333333331),
                ok("true", "%s", true),
                ok("false", "%s", false),
                ok("nil", "%s", NIL),
                ok(" true|nil   |", "%5s|%-6s|", true, NIL),
                ok("0.", "%.2s", 0.33333333333333331),
                ok("-0", "%s", -0.0),
                ok("      1234|", "%10.4s|", 12345678),
                ok("a", "%s", "a\000b"),
                ok("    a|", "%5s|", "a\000b"),
                ok("a|", "%.1s|", "a\000b"),
                ok("\377\310", "%s", "\377\310\000\001"),
                ok("\351   |", "%-4s|", "\351"),
                ok("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\000y", "%s", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\000y"),
                ok("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\000y", "%s", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\000y"),
                ok("abababababababababababababababababababababababababababababababababababababababababababababababababab|", "%5s|", "abababababababababababababababababababababababababababababababababababababababababababababababababab"),
                ok("[ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc]", "[%99s]", "ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"),
                ok("[c                                                                                                  ]", "[%-99s]", "c"),
                ok("\"hello\"", "%q", "hello"),
                ok("\"a\\0b\"", "%q", "a\000b"),
                ok("\"a\\0001\"", "%q", "a\0001"),
                ok("\"\\0\"", "%q", "\000"),
                ok("\"\\13\\\012\\9\\1\\0012\\127\310\377\\\"\\\\\"", "%q", "\015\012\011\001\0012\177\310\377\"\\"),
                ok("\"0.33333333333333\"", "%q", 0.33333333333333331),
                ok("\"12\"", "%q", 12),
                ok("\"9.2233720368548e+18\"", "%q", 9.2233720368547758e+18),
                ok("\"x\"", "%10q", "x"),
                ok("\"\"", "%q", ""),
                ok("\"line1\\\012line2\"", "%q", "line1\012line2"),
                ok("\"\\0009\\0010\\31a\\0319\\127x\\1279\"", "%q", "\0009\0010\037a\0379\177x\1779"),
                ok("\"\\0\\1\\2\\3\\4\\5\\6\\7\\8\\9\\\012\\11\\12\\13\\14\\15\\16\\17\\18\\19\\20\\21\\22\\23\\24\\25\\26\\27\\28\\29\\30\\31 !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\\127\200\201\202\203\204\205\206\207\210\211\212\213\214\215\216\217\220\221\222\223\224\225\226\227\230\231\232\233\234\235\236\237\240\241\242\243\244\245\246\247\250\251\252\253\254\255\256\257\260\261\262\263\264\265\266\267\270\271\272\273\274\275\276\277\300\301\302\303\304\305\306\307\310\311\312\313\314\315\316\317\320\321\322\323\324\325\326\327\330\331\332\333\334\335\336\337\340\341\342\343\344\345\346\347\350\351\352\353\354\355\356\357\360\361\362\363\364\365\366\367\370\371\372\373\374\375\376\377\"", "%q", "\000\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037 !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\177\200\201\202\203\204\205\206\207\210\211\212\213\214\215\216\217\220\221\222\223\224\225\226\227\230\231\232\233\234\235\236\237\240\241\242\243\244\245\246\247\250\251\252\253\254\255\256\257\260\261\262\263\264\265\266\267\270\271\272\273\274\275\276\277\300\301\302\303\304\305\306\307\310\311\312\313\314\315\316\317\320\321\322\323\324\325\326\327\330\331\332\333\334\335\336\337\340\341\342\343\344\345\346\347\350\351\352\353\354\355\356\357\360\361\362\363\364\365\366\367\370\371\372\373\374\375\376\377"),
                ok("\"\377\376\375\374\373\372\371\370\367\366\365\364\363\362\361\360\357\356\355\354\353\352\351\350\347\346\345\344\343\342\341\340\337\336\335\334\333\332\331\330\327\326\325\324\323\322\321\320\317\316\315\314\313\312\311\310\307\306\305\304\303\302\301\300\277\276\275\274\273\272\271\270\267\266\265\264\263\262\261\260\257\256\255\254\253\252\251\250\247\246\245\244\243\242\241\240\237\236\235\234\233\232\231\230\227\226\225\224\223\222\221\220\217\216\215\214\213\212\211\210\207\206\205\204\203\202\201\200\\127~}|{zyxwvutsrqponmlkjihgfedcba`_^]\\\\[ZYXWVUTSRQPONMLKJIHGFEDCBA@?>=<;:9876543210/.-,+*)('&%$#\\\"! \\31\\30\\29\\28\\27\\26\\25\\24\\23\\22\\21\\20\\19\\18\\17\\16\\15\\14\\13\\12\\11\\\012\\9\\8\\7\\6\\5\\4\\3\\2\\1\\0\"", "%q", "\377\376\375\374\373\372\371\370\367\366\365\364\363\362\361\360\357\356\355\354\353\352\351\350\347\346\345\344\343\342\341\340\337\336\335\334\333\332\331\330\327\326\325\324\323\322\321\320\317\316\315\314\313\312\311\310\307\306\305\304\303\302\301\300\277\276\275\274\273\272\271\270\267\266\265\264\263\262\261\260\257\256\255\254\253\252\251\250\247\246\245\244\243\242\241\240\237\236\235\234\233\232\231\230\227\226\225\224\223\222\221\220\217\216\215\214\213\212\211\210\207\206\205\204\203\202\201\200\177~}|{zyxwvutsrqponmlkjihgfedcba`_^]\\[ZYXWVUTSRQPONMLKJIHGFEDCBA@?>=<;:9876543210/.-,+*)('&%$#\"! \037\036\035\034\033\032\031\030\027\026\025\024\023\022\021\020\017\016\015\014\013\012\011\010\007\006\005\004\003\002\001\000"),
                ok("\000\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037 !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\177\200\201\202\203\204\205\206\207\210\211\212\213\214\215\216\217\220\221\222\223\224\225\226\227\230\231\232\233\234\235\236\237\240\241\242\243\244\245\246\247\250\251\252\253\254\255\256\257\260\261\262\263\264\265\266\267\270\271\272\273\274\275\276\277\300\301\302\303\304\305\306\307\310\311\312\313\314\315\316\317\320\321\322\323\324\325\326\327\330\331\332\333\334\335\336\337\340\341\342\343\344\345\346\347\350\351\352\353\354\355\356\357\360\361\362\363\364\365\366\367\370\371\372\373\374\375\376\377", "%s", "\000\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037 !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\177\200\201\202\203\204\205\206\207\210\211\212\213\214\215\216\217\220\221\222\223\224\225\226\227\230\231\232\233\234\235\236\237\240\241\242\243\244\245\246\247\250\251\252\253\254\255\256\257\260\261\262\263\264\265\266\267\270\271\272\273\274\275\276\277\300\301\302\303\304\305\306\307\310\311\312\313\314\315\316\317\320\321\322\323\324\325\326\327\330\331\332\333\334\335\336\337\340\341\342\343\344\345\346\347\350\351\352\353\354\355\356\357\360\361\362\363\364\365\366\367\370\371\372\373\374\375\376\377"),
                ok("12", 12),
                ok("0.33333333333333", 0.33333333333333331),
                ok("1e+100", 1e+100),
                ok("[        -042][   -42]", "[%12.3d][%6d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-12.3d][%-6d]", -42, -42),
                ok("[        -042][   -42]", "[%+12.3d][%+6d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-+12.3d][%-+6d]", -42, -42),
                ok("[        -042][   -42]", "[% 12.3d][% 6d]", -42, -42),
                ok("[-042        ][-42   ]", "[%- 12.3d][%- 6d]", -42, -42),
                ok("[        -042][   -42]", "[%+ 12.3d][%+ 6d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-+ 12.3d][%-+ 6d]", -42, -42),
                ok("[        -042][   -42]", "[%#12.3d][%#6d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-#12.3d][%-#6d]", -42, -42),
                ok("[        -042][   -42]", "[%+#12.3d][%+#6d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-+#12.3d][%-+#6d]", -42, -42),
                ok("[        -042][   -42]", "[% #12.3d][% #6d]", -42, -42),
                ok("[-042        ][-42   ]", "[%- #12.3d][%- #6d]", -42, -42),
                ok("[        -042][   -42]", "[%+ #12.3d][%+ #6d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-+ #12.3d][%-+ #6d]", -42, -42),
                ok("[        -042][-00042]", "[%012.3d][%06d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-012.3d][%-06d]", -42, -42),
                ok("[        -042][-00042]", "[%+012.3d][%+06d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-+012.3d][%-+06d]", -42, -42),
                ok("[        -042][-00042]", "[% 012.3d][% 06d]", -42, -42),
                ok("[-042        ][-42   ]", "[%- 012.3d][%- 06d]", -42, -42),
                ok("[        -042][-00042]", "[%+ 012.3d][%+ 06d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-+ 012.3d][%-+ 06d]", -42, -42),
                ok("[        -042][-00042]", "[%#012.3d][%#06d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-#012.3d][%-#06d]", -42, -42),
                ok("[        -042][-00042]", "[%+#012.3d][%+#06d]", -42, -42),
                ok("[-042        ][-42   ]", "[%-+#012.3d][%-+#06d]", -42, -42),
                ok("[        -042][-00042]", "[% #012.3d][% #06d]", -42, -42),
                ok("[-042        ][-42   ]", "[%- #012.3d][%- #06d]", -42, -42),
                ok("[        -042][-00042]", "[%+ #012.3d][%+ #06d]", -42, -42)
        );
    }

    private static Stream<Arguments> formats2() {
        return Stream.of(
                ok("[-042        ][-42   ]", "[%-+ #012.3d][%-+ #06d]", -42, -42),
                ok("[         042][    42]", "[%12.3i][%6i]", 42, 42),
                ok("[042         ][42    ]", "[%-12.3i][%-6i]", 42, 42),
                ok("[        +042][   +42]", "[%+12.3i][%+6i]", 42, 42),
                ok("[+042        ][+42   ]", "[%-+12.3i][%-+6i]", 42, 42),
                ok("[         042][    42]", "[% 12.3i][% 6i]", 42, 42),
                ok("[ 042        ][ 42   ]", "[%- 12.3i][%- 6i]", 42, 42),
                ok("[        +042][   +42]", "[%+ 12.3i][%+ 6i]", 42, 42),
                ok("[+042        ][+42   ]", "[%-+ 12.3i][%-+ 6i]", 42, 42),
                ok("[         042][    42]", "[%#12.3i][%#6i]", 42, 42),
                ok("[042         ][42    ]", "[%-#12.3i][%-#6i]", 42, 42),
                ok("[        +042][   +42]", "[%+#12.3i][%+#6i]", 42, 42),
                ok("[+042        ][+42   ]", "[%-+#12.3i][%-+#6i]", 42, 42),
                ok("[         042][    42]", "[% #12.3i][% #6i]", 42, 42),
                ok("[ 042        ][ 42   ]", "[%- #12.3i][%- #6i]", 42, 42),
                ok("[        +042][   +42]", "[%+ #12.3i][%+ #6i]", 42, 42),
                ok("[+042        ][+42   ]", "[%-+ #12.3i][%-+ #6i]", 42, 42),
                ok("[         042][000042]", "[%012.3i][%06i]", 42, 42),
                ok("[042         ][42    ]", "[%-012.3i][%-06i]", 42, 42),
                ok("[        +042][+00042]", "[%+012.3i][%+06i]", 42, 42),
                ok("[+042        ][+42   ]", "[%-+012.3i][%-+06i]", 42, 42),
                ok("[         042][ 00042]", "[% 012.3i][% 06i]", 42, 42),
                ok("[ 042        ][ 42   ]", "[%- 012.3i][%- 06i]", 42, 42),
                ok("[        +042][+00042]", "[%+ 012.3i][%+ 06i]", 42, 42),
                ok("[+042        ][+42   ]", "[%-+ 012.3i][%-+ 06i]", 42, 42),
                ok("[         042][000042]", "[%#012.3i][%#06i]", 42, 42),
                ok("[042         ][42    ]", "[%-#012.3i][%-#06i]", 42, 42),
                ok("[        +042][+00042]", "[%+#012.3i][%+#06i]", 42, 42),
                ok("[+042        ][+42   ]", "[%-+#012.3i][%-+#06i]", 42, 42),
                ok("[         042][ 00042]", "[% #012.3i][% #06i]", 42, 42),
                ok("[ 042        ][ 42   ]", "[%- #012.3i][%- #06i]", 42, 42),
                ok("[        +042][+00042]", "[%+ #012.3i][%+ #06i]", 42, 42),
                ok("[+042        ][+42   ]", "[%-+ #012.3i][%-+ #06i]", 42, 42),
                ok("[         042][    42]", "[%12.3u][%6u]", 42, 42),
                ok("[042         ][42    ]", "[%-12.3u][%-6u]", 42, 42),
                ok("[         042][    42]", "[%+12.3u][%+6u]", 42, 42),
                ok("[042         ][42    ]", "[%-+12.3u][%-+6u]", 42, 42),
                ok("[         042][    42]", "[% 12.3u][% 6u]", 42, 42),
                ok("[042         ][42    ]", "[%- 12.3u][%- 6u]", 42, 42),
                ok("[         042][    42]", "[%+ 12.3u][%+ 6u]", 42, 42),
                ok("[042         ][42    ]", "[%-+ 12.3u][%-+ 6u]", 42, 42),
                ok("[         042][    42]", "[%#12.3u][%#6u]", 42, 42),
                ok("[042         ][42    ]", "[%-#12.3u][%-#6u]", 42, 42),
                ok("[         042][    42]", "[%+#12.3u][%+#6u]", 42, 42),
                ok("[042         ][42    ]", "[%-+#12.3u][%-+#6u]", 42, 42),
                ok("[         042][    42]", "[% #12.3u][% #6u]", 42, 42),
                ok("[042         ][42    ]", "[%- #12.3u][%- #6u]", 42, 42),
                ok("[         042][    42]", "[%+ #12.3u][%+ #6u]", 42, 42),
                ok("[042         ][42    ]", "[%-+ #12.3u][%-+ #6u]", 42, 42),
                ok("[         042][000042]", "[%012.3u][%06u]", 42, 42),
                ok("[042         ][42    ]", "[%-012.3u][%-06u]", 42, 42),
                ok("[         042][000042]", "[%+012.3u][%+06u]", 42, 42),
                ok("[042         ][42    ]", "[%-+012.3u][%-+06u]", 42, 42),
                ok("[         042][000042]", "[% 012.3u][% 06u]", 42, 42),
                ok("[042         ][42    ]", "[%- 012.3u][%- 06u]", 42, 42),
                ok("[         042][000042]", "[%+ 012.3u][%+ 06u]", 42, 42),
                ok("[042         ][42    ]", "[%-+ 012.3u][%-+ 06u]", 42, 42),
                ok("[         042][000042]", "[%#012.3u][%#06u]", 42, 42),
                ok("[042         ][42    ]", "[%-#012.3u][%-#06u]", 42, 42),
                ok("[         042][000042]", "[%+#012.3u][%+#06u]", 42, 42),
                ok("[042         ][42    ]", "[%-+#012.3u][%-+#06u]", 42, 42),
                ok("[         042][000042]", "[% #012.3u][% #06u]", 42, 42),
                ok("[042         ][42    ]", "[%- #012.3u][%- #06u]", 42, 42),
                ok("[         042][000042]", "[%+ #012.3u][%+ #06u]", 42, 42),
                ok("[042         ][42    ]", "[%-+ #012.3u][%-+ #06u]", 42, 42),
                ok("[           A][     A]", "[%12.3c][%6c]", 65, 65),
                ok("[A           ][A     ]", "[%-12.3c][%-6c]", 65, 65),
                ok("[           A][     A]", "[%+12.3c][%+6c]", 65, 65),
                ok("[A           ][A     ]", "[%-+12.3c][%-+6c]", 65, 65),
                ok("[           A][     A]", "[% 12.3c][% 6c]", 65, 65),
                ok("[A           ][A     ]", "[%- 12.3c][%- 6c]", 65, 65),
                ok("[           A][     A]", "[%+ 12.3c][%+ 6c]", 65, 65),
                ok("[A           ][A     ]", "[%-+ 12.3c][%-+ 6c]", 65, 65),
                ok("[           A][     A]", "[%#12.3c][%#6c]", 65, 65),
                ok("[A           ][A     ]", "[%-#12.3c][%-#6c]", 65, 65),
                ok("[           A][     A]", "[%+#12.3c][%+#6c]", 65, 65),
                ok("[A           ][A     ]", "[%-+#12.3c][%-+#6c]", 65, 65),
                ok("[           A][     A]", "[% #12.3c][% #6c]", 65, 65),
                ok("[A           ][A     ]", "[%- #12.3c][%- #6c]", 65, 65),
                ok("[           A][     A]", "[%+ #12.3c][%+ #6c]", 65, 65),
                ok("[A           ][A     ]", "[%-+ #12.3c][%-+ #6c]", 65, 65),
                ok("[           A][     A]", "[%012.3c][%06c]", 65, 65),
                ok("[A           ][A     ]", "[%-012.3c][%-06c]", 65, 65),
                ok("[           A][     A]", "[%+012.3c][%+06c]", 65, 65),
                ok("[A           ][A     ]", "[%-+012.3c][%-+06c]", 65, 65),
                ok("[           A][     A]", "[% 012.3c][% 06c]", 65, 65),
                ok("[A           ][A     ]", "[%- 012.3c][%- 06c]", 65, 65),
                ok("[           A][     A]", "[%+ 012.3c][%+ 06c]", 65, 65),
                ok("[A           ][A     ]", "[%-+ 012.3c][%-+ 06c]", 65, 65),
                ok("[           A][     A]", "[%#012.3c][%#06c]", 65, 65),
                ok("[A           ][A     ]", "[%-#012.3c][%-#06c]", 65, 65),
                ok("[           A][     A]", "[%+#012.3c][%+#06c]", 65, 65),
                ok("[A           ][A     ]", "[%-+#012.3c][%-+#06c]", 65, 65),
                ok("[           A][     A]", "[% #012.3c][% #06c]", 65, 65),
                ok("[A           ][A     ]", "[%- #012.3c][%- #06c]", 65, 65),
                ok("[           A][     A]", "[%+ #012.3c][%+ #06c]", 65, 65),
                ok("[A           ][A     ]", "[%-+ #012.3c][%-+ #06c]", 65, 65),
                ok("[         bee][   bee]", "[%12.3x][%6x]", 3054, 3054),
                ok("[bee         ][bee   ]", "[%-12.3x][%-6x]", 3054, 3054),
                ok("[         bee][   bee]", "[%+12.3x][%+6x]", 3054, 3054),
                ok("[bee         ][bee   ]", "[%-+12.3x][%-+6x]", 3054, 3054),
                ok("[         bee][   bee]", "[% 12.3x][% 6x]", 3054, 3054),
                ok("[bee         ][bee   ]", "[%- 12.3x][%- 6x]", 3054, 3054),
                ok("[         bee][   bee]", "[%+ 12.3x][%+ 6x]", 3054, 3054),
                ok("[bee         ][bee   ]", "[%-+ 12.3x][%-+ 6x]", 3054, 3054),
                ok("[       0xbee][ 0xbee]", "[%#12.3x][%#6x]", 3054, 3054),
                ok("[0xbee       ][0xbee ]", "[%-#12.3x][%-#6x]", 3054, 3054),
                ok("[       0xbee][ 0xbee]", "[%+#12.3x][%+#6x]", 3054, 3054),
                ok("[0xbee       ][0xbee ]", "[%-+#12.3x][%-+#6x]", 3054, 3054),
                ok("[       0xbee][ 0xbee]", "[% #12.3x][% #6x]", 3054, 3054),
                ok("[0xbee       ][0xbee ]", "[%- #12.3x][%- #6x]", 3054, 3054),
                ok("[       0xbee][ 0xbee]", "[%+ #12.3x][%+ #6x]", 3054, 3054),
                ok("[0xbee       ][0xbee ]", "[%-+ #12.3x][%-+ #6x]", 3054, 3054),
                ok("[         bee][000bee]", "[%012.3x][%06x]", 3054, 3054),
                ok("[bee         ][bee   ]", "[%-012.3x][%-06x]", 3054, 3054),
                ok("[         bee][000bee]", "[%+012.3x][%+06x]", 3054, 3054),
                ok("[bee         ][bee   ]", "[%-+012.3x][%-+06x]", 3054, 3054),
                ok("[         bee][000bee]", "[% 012.3x][% 06x]", 3054, 3054),
                ok("[bee         ][bee   ]", "[%- 012.3x][%- 06x]", 3054, 3054),
                ok("[         bee][000bee]", "[%+ 012.3x][%+ 06x]", 3054, 3054)
        );
    }

    private static Stream<Arguments> formats3() {
        return Stream.of(
                ok("[bee         ][bee   ]", "[%-+ 012.3x][%-+ 06x]", 3054, 3054),
                ok("[       0xbee][0x0bee]", "[%#012.3x][%#06x]", 3054, 3054),
                ok("[0xbee       ][0xbee ]", "[%-#012.3x][%-#06x]", 3054, 3054),
                ok("[       0xbee][0x0bee]", "[%+#012.3x][%+#06x]", 3054, 3054),
                ok("[0xbee       ][0xbee ]", "[%-+#012.3x][%-+#06x]", 3054, 3054),
                ok("[       0xbee][0x0bee]", "[% #012.3x][% #06x]", 3054, 3054),
                ok("[0xbee       ][0xbee ]", "[%- #012.3x][%- #06x]", 3054, 3054),
                ok("[       0xbee][0x0bee]", "[%+ #012.3x][%+ #06x]", 3054, 3054),
                ok("[0xbee       ][0xbee ]", "[%-+ #012.3x][%-+ #06x]", 3054, 3054),
                ok("[         BEE][   BEE]", "[%12.3X][%6X]", 3054, 3054),
                ok("[BEE         ][BEE   ]", "[%-12.3X][%-6X]", 3054, 3054),
                ok("[         BEE][   BEE]", "[%+12.3X][%+6X]", 3054, 3054),
                ok("[BEE         ][BEE   ]", "[%-+12.3X][%-+6X]", 3054, 3054),
                ok("[         BEE][   BEE]", "[% 12.3X][% 6X]", 3054, 3054),
                ok("[BEE         ][BEE   ]", "[%- 12.3X][%- 6X]", 3054, 3054),
                ok("[         BEE][   BEE]", "[%+ 12.3X][%+ 6X]", 3054, 3054),
                ok("[BEE         ][BEE   ]", "[%-+ 12.3X][%-+ 6X]", 3054, 3054),
                ok("[       0XBEE][ 0XBEE]", "[%#12.3X][%#6X]", 3054, 3054),
                ok("[0XBEE       ][0XBEE ]", "[%-#12.3X][%-#6X]", 3054, 3054),
                ok("[       0XBEE][ 0XBEE]", "[%+#12.3X][%+#6X]", 3054, 3054),
                ok("[0XBEE       ][0XBEE ]", "[%-+#12.3X][%-+#6X]", 3054, 3054),
                ok("[       0XBEE][ 0XBEE]", "[% #12.3X][% #6X]", 3054, 3054),
                ok("[0XBEE       ][0XBEE ]", "[%- #12.3X][%- #6X]", 3054, 3054),
                ok("[       0XBEE][ 0XBEE]", "[%+ #12.3X][%+ #6X]", 3054, 3054),
                ok("[0XBEE       ][0XBEE ]", "[%-+ #12.3X][%-+ #6X]", 3054, 3054),
                ok("[         BEE][000BEE]", "[%012.3X][%06X]", 3054, 3054),
                ok("[BEE         ][BEE   ]", "[%-012.3X][%-06X]", 3054, 3054),
                ok("[         BEE][000BEE]", "[%+012.3X][%+06X]", 3054, 3054),
                ok("[BEE         ][BEE   ]", "[%-+012.3X][%-+06X]", 3054, 3054),
                ok("[         BEE][000BEE]", "[% 012.3X][% 06X]", 3054, 3054),
                ok("[BEE         ][BEE   ]", "[%- 012.3X][%- 06X]", 3054, 3054),
                ok("[         BEE][000BEE]", "[%+ 012.3X][%+ 06X]", 3054, 3054),
                ok("[BEE         ][BEE   ]", "[%-+ 012.3X][%-+ 06X]", 3054, 3054),
                ok("[       0XBEE][0X0BEE]", "[%#012.3X][%#06X]", 3054, 3054),
                ok("[0XBEE       ][0XBEE ]", "[%-#012.3X][%-#06X]", 3054, 3054),
                ok("[       0XBEE][0X0BEE]", "[%+#012.3X][%+#06X]", 3054, 3054),
                ok("[0XBEE       ][0XBEE ]", "[%-+#012.3X][%-+#06X]", 3054, 3054),
                ok("[       0XBEE][0X0BEE]", "[% #012.3X][% #06X]", 3054, 3054),
                ok("[0XBEE       ][0XBEE ]", "[%- #012.3X][%- #06X]", 3054, 3054),
                ok("[       0XBEE][0X0BEE]", "[%+ #012.3X][%+ #06X]", 3054, 3054),
                ok("[0XBEE       ][0XBEE ]", "[%-+ #012.3X][%-+ #06X]", 3054, 3054),
                ok("[         010][    10]", "[%12.3o][%6o]", 8, 8),
                ok("[010         ][10    ]", "[%-12.3o][%-6o]", 8, 8),
                ok("[         010][    10]", "[%+12.3o][%+6o]", 8, 8),
                ok("[010         ][10    ]", "[%-+12.3o][%-+6o]", 8, 8),
                ok("[         010][    10]", "[% 12.3o][% 6o]", 8, 8),
                ok("[010         ][10    ]", "[%- 12.3o][%- 6o]", 8, 8),
                ok("[         010][    10]", "[%+ 12.3o][%+ 6o]", 8, 8),
                ok("[010         ][10    ]", "[%-+ 12.3o][%-+ 6o]", 8, 8),
                ok("[         010][   010]", "[%#12.3o][%#6o]", 8, 8),
                ok("[010         ][010   ]", "[%-#12.3o][%-#6o]", 8, 8),
                ok("[         010][   010]", "[%+#12.3o][%+#6o]", 8, 8),
                ok("[010         ][010   ]", "[%-+#12.3o][%-+#6o]", 8, 8),
                ok("[         010][   010]", "[% #12.3o][% #6o]", 8, 8),
                ok("[010         ][010   ]", "[%- #12.3o][%- #6o]", 8, 8),
                ok("[         010][   010]", "[%+ #12.3o][%+ #6o]", 8, 8),
                ok("[010         ][010   ]", "[%-+ #12.3o][%-+ #6o]", 8, 8),
                ok("[         010][000010]", "[%012.3o][%06o]", 8, 8),
                ok("[010         ][10    ]", "[%-012.3o][%-06o]", 8, 8),
                ok("[         010][000010]", "[%+012.3o][%+06o]", 8, 8),
                ok("[010         ][10    ]", "[%-+012.3o][%-+06o]", 8, 8),
                ok("[         010][000010]", "[% 012.3o][% 06o]", 8, 8),
                ok("[010         ][10    ]", "[%- 012.3o][%- 06o]", 8, 8),
                ok("[         010][000010]", "[%+ 012.3o][%+ 06o]", 8, 8),
                ok("[010         ][10    ]", "[%-+ 012.3o][%-+ 06o]", 8, 8),
                ok("[         010][000010]", "[%#012.3o][%#06o]", 8, 8),
                ok("[010         ][010   ]", "[%-#012.3o][%-#06o]", 8, 8),
                ok("[         010][000010]", "[%+#012.3o][%+#06o]", 8, 8),
                ok("[010         ][010   ]", "[%-+#012.3o][%-+#06o]", 8, 8),
                ok("[         010][000010]", "[% #012.3o][% #06o]", 8, 8),
                ok("[010         ][010   ]", "[%- #012.3o][%- #06o]", 8, 8),
                ok("[         010][000010]", "[%+ #012.3o][%+ #06o]", 8, 8),
                ok("[010         ][010   ]", "[%-+ #012.3o][%-+ #06o]", 8, 8),
                ok("[  -1.235e+03][-1.234568e+03]", "[%12.3e][%6e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-12.3e][%-6e]", -1234.5678, -1234.5678),
                ok("[  -1.235e+03][-1.234568e+03]", "[%+12.3e][%+6e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-+12.3e][%-+6e]", -1234.5678, -1234.5678),
                ok("[  -1.235e+03][-1.234568e+03]", "[% 12.3e][% 6e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%- 12.3e][%- 6e]", -1234.5678, -1234.5678),
                ok("[  -1.235e+03][-1.234568e+03]", "[%+ 12.3e][%+ 6e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-+ 12.3e][%-+ 6e]", -1234.5678, -1234.5678),
                ok("[  -1.235e+03][-1.234568e+03]", "[%#12.3e][%#6e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-#12.3e][%-#6e]", -1234.5678, -1234.5678),
                ok("[  -1.235e+03][-1.234568e+03]", "[%+#12.3e][%+#6e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-+#12.3e][%-+#6e]", -1234.5678, -1234.5678),
                ok("[  -1.235e+03][-1.234568e+03]", "[% #12.3e][% #6e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%- #12.3e][%- #6e]", -1234.5678, -1234.5678),
                ok("[  -1.235e+03][-1.234568e+03]", "[%+ #12.3e][%+ #6e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-+ #12.3e][%-+ #6e]", -1234.5678, -1234.5678),
                ok("[-001.235e+03][-1.234568e+03]", "[%012.3e][%06e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-012.3e][%-06e]", -1234.5678, -1234.5678),
                ok("[-001.235e+03][-1.234568e+03]", "[%+012.3e][%+06e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-+012.3e][%-+06e]", -1234.5678, -1234.5678),
                ok("[-001.235e+03][-1.234568e+03]", "[% 012.3e][% 06e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%- 012.3e][%- 06e]", -1234.5678, -1234.5678),
                ok("[-001.235e+03][-1.234568e+03]", "[%+ 012.3e][%+ 06e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-+ 012.3e][%-+ 06e]", -1234.5678, -1234.5678),
                ok("[-001.235e+03][-1.234568e+03]", "[%#012.3e][%#06e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-#012.3e][%-#06e]", -1234.5678, -1234.5678),
                ok("[-001.235e+03][-1.234568e+03]", "[%+#012.3e][%+#06e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-+#012.3e][%-+#06e]", -1234.5678, -1234.5678),
                ok("[-001.235e+03][-1.234568e+03]", "[% #012.3e][% #06e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%- #012.3e][%- #06e]", -1234.5678, -1234.5678),
                ok("[-001.235e+03][-1.234568e+03]", "[%+ #012.3e][%+ #06e]", -1234.5678, -1234.5678),
                ok("[-1.235e+03  ][-1.234568e+03]", "[%-+ #012.3e][%-+ #06e]", -1234.5678, -1234.5678),
                ok("[   1.235E+03][1.234568E+03]", "[%12.3E][%6E]", 1234.5678, 1234.5678),
                ok("[1.235E+03   ][1.234568E+03]", "[%-12.3E][%-6E]", 1234.5678, 1234.5678),
                ok("[  +1.235E+03][+1.234568E+03]", "[%+12.3E][%+6E]", 1234.5678, 1234.5678),
                ok("[+1.235E+03  ][+1.234568E+03]", "[%-+12.3E][%-+6E]", 1234.5678, 1234.5678),
                ok("[   1.235E+03][ 1.234568E+03]", "[% 12.3E][% 6E]", 1234.5678, 1234.5678),
                ok("[ 1.235E+03  ][ 1.234568E+03]", "[%- 12.3E][%- 6E]", 1234.5678, 1234.5678),
                ok("[  +1.235E+03][+1.234568E+03]", "[%+ 12.3E][%+ 6E]", 1234.5678, 1234.5678),
                ok("[+1.235E+03  ][+1.234568E+03]", "[%-+ 12.3E][%-+ 6E]", 1234.5678, 1234.5678),
                ok("[   1.235E+03][1.234568E+03]", "[%#12.3E][%#6E]", 1234.5678, 1234.5678),
                ok("[1.235E+03   ][1.234568E+03]", "[%-#12.3E][%-#6E]", 1234.5678, 1234.5678),
                ok("[  +1.235E+03][+1.234568E+03]", "[%+#12.3E][%+#6E]", 1234.5678, 1234.5678),
                ok("[+1.235E+03  ][+1.234568E+03]", "[%-+#12.3E][%-+#6E]", 1234.5678, 1234.5678),
                ok("[   1.235E+03][ 1.234568E+03]", "[% #12.3E][% #6E]", 1234.5678, 1234.5678),
                ok("[ 1.235E+03  ][ 1.234568E+03]", "[%- #12.3E][%- #6E]", 1234.5678, 1234.5678),
                ok("[  +1.235E+03][+1.234568E+03]", "[%+ #12.3E][%+ #6E]", 1234.5678, 1234.5678)
        );
    }

    private static Stream<Arguments> formats4() {
        return Stream.of(
                ok("[+1.235E+03  ][+1.234568E+03]", "[%-+ #12.3E][%-+ #6E]", 1234.5678, 1234.5678),
                ok("[0001.235E+03][1.234568E+03]", "[%012.3E][%06E]", 1234.5678, 1234.5678),
                ok("[1.235E+03   ][1.234568E+03]", "[%-012.3E][%-06E]", 1234.5678, 1234.5678),
                ok("[+001.235E+03][+1.234568E+03]", "[%+012.3E][%+06E]", 1234.5678, 1234.5678),
                ok("[+1.235E+03  ][+1.234568E+03]", "[%-+012.3E][%-+06E]", 1234.5678, 1234.5678),
                ok("[ 001.235E+03][ 1.234568E+03]", "[% 012.3E][% 06E]", 1234.5678, 1234.5678),
                ok("[ 1.235E+03  ][ 1.234568E+03]", "[%- 012.3E][%- 06E]", 1234.5678, 1234.5678),
                ok("[+001.235E+03][+1.234568E+03]", "[%+ 012.3E][%+ 06E]", 1234.5678, 1234.5678),
                ok("[+1.235E+03  ][+1.234568E+03]", "[%-+ 012.3E][%-+ 06E]", 1234.5678, 1234.5678),
                ok("[0001.235E+03][1.234568E+03]", "[%#012.3E][%#06E]", 1234.5678, 1234.5678),
                ok("[1.235E+03   ][1.234568E+03]", "[%-#012.3E][%-#06E]", 1234.5678, 1234.5678),
                ok("[+001.235E+03][+1.234568E+03]", "[%+#012.3E][%+#06E]", 1234.5678, 1234.5678),
                ok("[+1.235E+03  ][+1.234568E+03]", "[%-+#012.3E][%-+#06E]", 1234.5678, 1234.5678),
                ok("[ 001.235E+03][ 1.234568E+03]", "[% #012.3E][% #06E]", 1234.5678, 1234.5678),
                ok("[ 1.235E+03  ][ 1.234568E+03]", "[%- #012.3E][%- #06E]", 1234.5678, 1234.5678),
                ok("[+001.235E+03][+1.234568E+03]", "[%+ #012.3E][%+ #06E]", 1234.5678, 1234.5678),
                ok("[+1.235E+03  ][+1.234568E+03]", "[%-+ #012.3E][%-+ #06E]", 1234.5678, 1234.5678),
                ok("[      -3.142][-3.141590]", "[%12.3f][%6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-12.3f][%-6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[      -3.142][-3.141590]", "[%+12.3f][%+6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-+12.3f][%-+6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[      -3.142][-3.141590]", "[% 12.3f][% 6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%- 12.3f][%- 6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[      -3.142][-3.141590]", "[%+ 12.3f][%+ 6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-+ 12.3f][%-+ 6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[      -3.142][-3.141590]", "[%#12.3f][%#6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-#12.3f][%-#6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[      -3.142][-3.141590]", "[%+#12.3f][%+#6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-+#12.3f][%-+#6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[      -3.142][-3.141590]", "[% #12.3f][% #6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%- #12.3f][%- #6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[      -3.142][-3.141590]", "[%+ #12.3f][%+ #6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-+ #12.3f][%-+ #6f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-0000003.142][-3.141590]", "[%012.3f][%06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-012.3f][%-06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-0000003.142][-3.141590]", "[%+012.3f][%+06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-+012.3f][%-+06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-0000003.142][-3.141590]", "[% 012.3f][% 06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%- 012.3f][%- 06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-0000003.142][-3.141590]", "[%+ 012.3f][%+ 06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-+ 012.3f][%-+ 06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-0000003.142][-3.141590]", "[%#012.3f][%#06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-#012.3f][%-#06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-0000003.142][-3.141590]", "[%+#012.3f][%+#06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-+#012.3f][%-+#06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-0000003.142][-3.141590]", "[% #012.3f][% #06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%- #012.3f][%- #06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-0000003.142][-3.141590]", "[%+ #012.3f][%+ #06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[-3.142      ][-3.141590]", "[%-+ #012.3f][%-+ #06f]", -3.1415899999999999, -3.1415899999999999),
                ok("[    0.000123][0.000123456]", "[%12.3g][%6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[0.000123    ][0.000123456]", "[%-12.3g][%-6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[   +0.000123][+0.000123456]", "[%+12.3g][%+6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0.000123   ][+0.000123456]", "[%-+12.3g][%-+6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[    0.000123][ 0.000123456]", "[% 12.3g][% 6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[ 0.000123   ][ 0.000123456]", "[%- 12.3g][%- 6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[   +0.000123][+0.000123456]", "[%+ 12.3g][%+ 6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0.000123   ][+0.000123456]", "[%-+ 12.3g][%-+ 6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[    0.000123][0.000123456]", "[%#12.3g][%#6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[0.000123    ][0.000123456]", "[%-#12.3g][%-#6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[   +0.000123][+0.000123456]", "[%+#12.3g][%+#6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0.000123   ][+0.000123456]", "[%-+#12.3g][%-+#6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[    0.000123][ 0.000123456]", "[% #12.3g][% #6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[ 0.000123   ][ 0.000123456]", "[%- #12.3g][%- #6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[   +0.000123][+0.000123456]", "[%+ #12.3g][%+ #6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0.000123   ][+0.000123456]", "[%-+ #12.3g][%-+ #6g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[00000.000123][0.000123456]", "[%012.3g][%06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[0.000123    ][0.000123456]", "[%-012.3g][%-06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0000.000123][+0.000123456]", "[%+012.3g][%+06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0.000123   ][+0.000123456]", "[%-+012.3g][%-+06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[ 0000.000123][ 0.000123456]", "[% 012.3g][% 06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[ 0.000123   ][ 0.000123456]", "[%- 012.3g][%- 06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0000.000123][+0.000123456]", "[%+ 012.3g][%+ 06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0.000123   ][+0.000123456]", "[%-+ 012.3g][%-+ 06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[00000.000123][0.000123456]", "[%#012.3g][%#06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[0.000123    ][0.000123456]", "[%-#012.3g][%-#06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0000.000123][+0.000123456]", "[%+#012.3g][%+#06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0.000123   ][+0.000123456]", "[%-+#012.3g][%-+#06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[ 0000.000123][ 0.000123456]", "[% #012.3g][% #06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[ 0.000123   ][ 0.000123456]", "[%- #012.3g][%- #06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0000.000123][+0.000123456]", "[%+ #012.3g][%+ #06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[+0.000123   ][+0.000123456]", "[%-+ #012.3g][%-+ #06g]", 0.00012345600000000001, 0.00012345600000000001),
                ok("[    1.23E+06][1.23457E+06]", "[%12.3G][%6G]", 1234567, 1234567),
                ok("[1.23E+06    ][1.23457E+06]", "[%-12.3G][%-6G]", 1234567, 1234567),
                ok("[   +1.23E+06][+1.23457E+06]", "[%+12.3G][%+6G]", 1234567, 1234567),
                ok("[+1.23E+06   ][+1.23457E+06]", "[%-+12.3G][%-+6G]", 1234567, 1234567),
                ok("[    1.23E+06][ 1.23457E+06]", "[% 12.3G][% 6G]", 1234567, 1234567),
                ok("[ 1.23E+06   ][ 1.23457E+06]", "[%- 12.3G][%- 6G]", 1234567, 1234567),
                ok("[   +1.23E+06][+1.23457E+06]", "[%+ 12.3G][%+ 6G]", 1234567, 1234567),
                ok("[+1.23E+06   ][+1.23457E+06]", "[%-+ 12.3G][%-+ 6G]", 1234567, 1234567),
                ok("[    1.23E+06][1.23457E+06]", "[%#12.3G][%#6G]", 1234567, 1234567),
                ok("[1.23E+06    ][1.23457E+06]", "[%-#12.3G][%-#6G]", 1234567, 1234567),
                ok("[   +1.23E+06][+1.23457E+06]", "[%+#12.3G][%+#6G]", 1234567, 1234567),
                ok("[+1.23E+06   ][+1.23457E+06]", "[%-+#12.3G][%-+#6G]", 1234567, 1234567),
                ok("[    1.23E+06][ 1.23457E+06]", "[% #12.3G][% #6G]", 1234567, 1234567),
                ok("[ 1.23E+06   ][ 1.23457E+06]", "[%- #12.3G][%- #6G]", 1234567, 1234567),
                ok("[   +1.23E+06][+1.23457E+06]", "[%+ #12.3G][%+ #6G]", 1234567, 1234567),
                ok("[+1.23E+06   ][+1.23457E+06]", "[%-+ #12.3G][%-+ #6G]", 1234567, 1234567),
                ok("[00001.23E+06][1.23457E+06]", "[%012.3G][%06G]", 1234567, 1234567),
                ok("[1.23E+06    ][1.23457E+06]", "[%-012.3G][%-06G]", 1234567, 1234567),
                ok("[+0001.23E+06][+1.23457E+06]", "[%+012.3G][%+06G]", 1234567, 1234567),
                ok("[+1.23E+06   ][+1.23457E+06]", "[%-+012.3G][%-+06G]", 1234567, 1234567),
                ok("[ 0001.23E+06][ 1.23457E+06]", "[% 012.3G][% 06G]", 1234567, 1234567),
                ok("[ 1.23E+06   ][ 1.23457E+06]", "[%- 012.3G][%- 06G]", 1234567, 1234567),
                ok("[+0001.23E+06][+1.23457E+06]", "[%+ 012.3G][%+ 06G]", 1234567, 1234567),
                ok("[+1.23E+06   ][+1.23457E+06]", "[%-+ 012.3G][%-+ 06G]", 1234567, 1234567),
                ok("[00001.23E+06][1.23457E+06]", "[%#012.3G][%#06G]", 1234567, 1234567),
                ok("[1.23E+06    ][1.23457E+06]", "[%-#012.3G][%-#06G]", 1234567, 1234567),
                ok("[+0001.23E+06][+1.23457E+06]", "[%+#012.3G][%+#06G]", 1234567, 1234567),
                ok("[+1.23E+06   ][+1.23457E+06]", "[%-+#012.3G][%-+#06G]", 1234567, 1234567),
                ok("[ 0001.23E+06][ 1.23457E+06]", "[% #012.3G][% #06G]", 1234567, 1234567),
                ok("[ 1.23E+06   ][ 1.23457E+06]", "[%- #012.3G][%- #06G]", 1234567, 1234567),
                ok("[+0001.23E+06][+1.23457E+06]", "[%+ #012.3G][%+ #06G]", 1234567, 1234567),
                ok("[+1.23E+06   ][+1.23457E+06]", "[%-+ #012.3G][%-+ #06G]", 1234567, 1234567),
                ok("[ -0x1.800p+0][-0x1.8p+0]", "[%12.3a][%6a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-12.3a][%-6a]", -1.5, -1.5),
                ok("[ -0x1.800p+0][-0x1.8p+0]", "[%+12.3a][%+6a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-+12.3a][%-+6a]", -1.5, -1.5),
                ok("[ -0x1.800p+0][-0x1.8p+0]", "[% 12.3a][% 6a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%- 12.3a][%- 6a]", -1.5, -1.5),
                ok("[ -0x1.800p+0][-0x1.8p+0]", "[%+ 12.3a][%+ 6a]", -1.5, -1.5)
        );
    }

    private static Stream<Arguments> formats5() {
        return Stream.of(
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-+ 12.3a][%-+ 6a]", -1.5, -1.5),
                ok("[ -0x1.800p+0][-0x1.8p+0]", "[%#12.3a][%#6a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-#12.3a][%-#6a]", -1.5, -1.5),
                ok("[ -0x1.800p+0][-0x1.8p+0]", "[%+#12.3a][%+#6a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-+#12.3a][%-+#6a]", -1.5, -1.5),
                ok("[ -0x1.800p+0][-0x1.8p+0]", "[% #12.3a][% #6a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%- #12.3a][%- #6a]", -1.5, -1.5),
                ok("[ -0x1.800p+0][-0x1.8p+0]", "[%+ #12.3a][%+ #6a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-+ #12.3a][%-+ #6a]", -1.5, -1.5),
                ok("[-0x01.800p+0][-0x1.8p+0]", "[%012.3a][%06a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-012.3a][%-06a]", -1.5, -1.5),
                ok("[-0x01.800p+0][-0x1.8p+0]", "[%+012.3a][%+06a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-+012.3a][%-+06a]", -1.5, -1.5),
                ok("[-0x01.800p+0][-0x1.8p+0]", "[% 012.3a][% 06a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%- 012.3a][%- 06a]", -1.5, -1.5),
                ok("[-0x01.800p+0][-0x1.8p+0]", "[%+ 012.3a][%+ 06a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-+ 012.3a][%-+ 06a]", -1.5, -1.5),
                ok("[-0x01.800p+0][-0x1.8p+0]", "[%#012.3a][%#06a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-#012.3a][%-#06a]", -1.5, -1.5),
                ok("[-0x01.800p+0][-0x1.8p+0]", "[%+#012.3a][%+#06a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-+#012.3a][%-+#06a]", -1.5, -1.5),
                ok("[-0x01.800p+0][-0x1.8p+0]", "[% #012.3a][% #06a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%- #012.3a][%- #06a]", -1.5, -1.5),
                ok("[-0x01.800p+0][-0x1.8p+0]", "[%+ #012.3a][%+ #06a]", -1.5, -1.5),
                ok("[-0x1.800p+0 ][-0x1.8p+0]", "[%-+ #012.3a][%-+ #06a]", -1.5, -1.5),
                ok("[  0X1.800P+0][0X1.8P+0]", "[%12.3A][%6A]", 1.5, 1.5),
                ok("[0X1.800P+0  ][0X1.8P+0]", "[%-12.3A][%-6A]", 1.5, 1.5),
                ok("[ +0X1.800P+0][+0X1.8P+0]", "[%+12.3A][%+6A]", 1.5, 1.5),
                ok("[+0X1.800P+0 ][+0X1.8P+0]", "[%-+12.3A][%-+6A]", 1.5, 1.5),
                ok("[  0X1.800P+0][ 0X1.8P+0]", "[% 12.3A][% 6A]", 1.5, 1.5),
                ok("[ 0X1.800P+0 ][ 0X1.8P+0]", "[%- 12.3A][%- 6A]", 1.5, 1.5),
                ok("[ +0X1.800P+0][+0X1.8P+0]", "[%+ 12.3A][%+ 6A]", 1.5, 1.5),
                ok("[+0X1.800P+0 ][+0X1.8P+0]", "[%-+ 12.3A][%-+ 6A]", 1.5, 1.5),
                ok("[  0X1.800P+0][0X1.8P+0]", "[%#12.3A][%#6A]", 1.5, 1.5),
                ok("[0X1.800P+0  ][0X1.8P+0]", "[%-#12.3A][%-#6A]", 1.5, 1.5),
                ok("[ +0X1.800P+0][+0X1.8P+0]", "[%+#12.3A][%+#6A]", 1.5, 1.5),
                ok("[+0X1.800P+0 ][+0X1.8P+0]", "[%-+#12.3A][%-+#6A]", 1.5, 1.5),
                ok("[  0X1.800P+0][ 0X1.8P+0]", "[% #12.3A][% #6A]", 1.5, 1.5),
                ok("[ 0X1.800P+0 ][ 0X1.8P+0]", "[%- #12.3A][%- #6A]", 1.5, 1.5),
                ok("[ +0X1.800P+0][+0X1.8P+0]", "[%+ #12.3A][%+ #6A]", 1.5, 1.5),
                ok("[+0X1.800P+0 ][+0X1.8P+0]", "[%-+ #12.3A][%-+ #6A]", 1.5, 1.5),
                ok("[0X001.800P+0][0X1.8P+0]", "[%012.3A][%06A]", 1.5, 1.5),
                ok("[0X1.800P+0  ][0X1.8P+0]", "[%-012.3A][%-06A]", 1.5, 1.5),
                ok("[+0X01.800P+0][+0X1.8P+0]", "[%+012.3A][%+06A]", 1.5, 1.5),
                ok("[+0X1.800P+0 ][+0X1.8P+0]", "[%-+012.3A][%-+06A]", 1.5, 1.5),
                ok("[ 0X01.800P+0][ 0X1.8P+0]", "[% 012.3A][% 06A]", 1.5, 1.5),
                ok("[ 0X1.800P+0 ][ 0X1.8P+0]", "[%- 012.3A][%- 06A]", 1.5, 1.5),
                ok("[+0X01.800P+0][+0X1.8P+0]", "[%+ 012.3A][%+ 06A]", 1.5, 1.5),
                ok("[+0X1.800P+0 ][+0X1.8P+0]", "[%-+ 012.3A][%-+ 06A]", 1.5, 1.5),
                ok("[0X001.800P+0][0X1.8P+0]", "[%#012.3A][%#06A]", 1.5, 1.5),
                ok("[0X1.800P+0  ][0X1.8P+0]", "[%-#012.3A][%-#06A]", 1.5, 1.5),
                ok("[+0X01.800P+0][+0X1.8P+0]", "[%+#012.3A][%+#06A]", 1.5, 1.5),
                ok("[+0X1.800P+0 ][+0X1.8P+0]", "[%-+#012.3A][%-+#06A]", 1.5, 1.5),
                ok("[ 0X01.800P+0][ 0X1.8P+0]", "[% #012.3A][% #06A]", 1.5, 1.5),
                ok("[ 0X1.800P+0 ][ 0X1.8P+0]", "[%- #012.3A][%- #06A]", 1.5, 1.5),
                ok("[+0X01.800P+0][+0X1.8P+0]", "[%+ #012.3A][%+ #06A]", 1.5, 1.5),
                ok("[+0X1.800P+0 ][+0X1.8P+0]", "[%-+ #012.3A][%-+ #06A]", 1.5, 1.5),
                ok("[         abc][   abc]", "[%12.3s][%6s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-12.3s][%-6s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%+12.3s][%+6s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-+12.3s][%-+6s]", "abc", "abc"),
                ok("[         abc][   abc]", "[% 12.3s][% 6s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%- 12.3s][%- 6s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%+ 12.3s][%+ 6s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-+ 12.3s][%-+ 6s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%#12.3s][%#6s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-#12.3s][%-#6s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%+#12.3s][%+#6s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-+#12.3s][%-+#6s]", "abc", "abc"),
                ok("[         abc][   abc]", "[% #12.3s][% #6s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%- #12.3s][%- #6s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%+ #12.3s][%+ #6s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-+ #12.3s][%-+ #6s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%012.3s][%06s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-012.3s][%-06s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%+012.3s][%+06s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-+012.3s][%-+06s]", "abc", "abc"),
                ok("[         abc][   abc]", "[% 012.3s][% 06s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%- 012.3s][%- 06s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%+ 012.3s][%+ 06s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-+ 012.3s][%-+ 06s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%#012.3s][%#06s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-#012.3s][%-#06s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%+#012.3s][%+#06s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-+#012.3s][%-+#06s]", "abc", "abc"),
                ok("[         abc][   abc]", "[% #012.3s][% #06s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%- #012.3s][%- #06s]", "abc", "abc"),
                ok("[         abc][   abc]", "[%+ #012.3s][%+ #06s]", "abc", "abc"),
                ok("[abc         ][abc   ]", "[%-+ #012.3s][%-+ #06s]", "abc", "abc"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%12.3q][%6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-12.3q][%-6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%+12.3q][%+6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-+12.3q][%-+6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[% 12.3q][% 6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%- 12.3q][%- 6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%+ 12.3q][%+ 6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-+ 12.3q][%-+ 6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%#12.3q][%#6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-#12.3q][%-#6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%+#12.3q][%+#6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-+#12.3q][%-+#6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[% #12.3q][% #6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%- #12.3q][%- #6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%+ #12.3q][%+ #6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-+ #12.3q][%-+ #6q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%012.3q][%06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-012.3q][%-06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%+012.3q][%+06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-+012.3q][%-+06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[% 012.3q][% 06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%- 012.3q][%- 06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%+ 012.3q][%+ 06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-+ 012.3q][%-+ 06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%#012.3q][%#06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-#012.3q][%-#06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%+#012.3q][%+#06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-+#012.3q][%-+#06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[% #012.3q][% #06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%- #012.3q][%- #06q]", "a\"b", "a\"b"),
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%+ #012.3q][%+ #06q]", "a\"b", "a\"b")
        );
    }

    private static Stream<Arguments> formats6() {
        return Stream.of(
                ok("[\"a\\\"b\"][\"a\\\"b\"]", "[%-+ #012.3q][%-+ #06q]", "a\"b", "a\"b"),
                ok("", "%#.0x", 0),
                ok("0", "%#.0o", 0),
                ok("0.", "%#.0f", 0),
                ok("0.e+00", "%#.0e", 0),
                ok("0.", "%#.0g", 0),
                ok("0x0.p+0", "%#.0a", 0),
                ok("0", "%#x", 0),
                ok("0", "%#o", 0),
                ok("", "%.0d", 0),
                ok("+", "%+.0d", 0),
                ok(" ", "% .0i", 0),
                ok("        |", "%#8.0x|", 0),
                ok("0       |", "%-#8o|", 0),
                ok("        |", "%08.0d|", 0),
                ok("1    ", "%-----5d", 1)
        );
    }

    static Stream<Arguments> formats() {
        return Stream.of(formats0(), formats1(), formats2(), formats3(), formats4(), formats5(), formats6()).flatMap(s -> s);
    }

    private static Stream<Arguments> errors0() {
        return Stream.of(
                err("invalid format (width or precision too long)", "%.120s", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\000y"),
                err("bad argument #1 to 'format' (string expected, got no value)"),
                err("bad argument #1 to 'format' (string expected, got nil)", NIL),
                err("bad argument #1 to 'format' (string expected, got boolean)", true),
                err("bad argument #1 to 'format' (string expected, got boolean)", false),
                err("bad argument #2 to 'format' (no value)", "%d"),
                err("bad argument #2 to 'format' (number expected, got string)", "%d", "x"),
                err("bad argument #2 to 'format' (number expected, got string)", "%d", "1\000"),
                err("bad argument #2 to 'format' (number expected, got string)", "%d", "nan"),
                err("bad argument #2 to 'format' (number expected, got string)", "%d", "inf"),
                err("bad argument #2 to 'format' (number expected, got string)", "%d", "0x"),
                err("bad argument #2 to 'format' (number expected, got string)", "%d", "1e"),
                err("bad argument #2 to 'format' (number expected, got boolean)", "%d", true),
                err("bad argument #2 to 'format' (number expected, got nil)", "%d", NIL),
                err("bad argument #2 to 'format' (no value)", "%s"),
                err("bad argument #3 to 'format' (no value)", "%s %s", 1),
                err("bad argument #3 to 'format' (no value)", "%d %d", 1),
                err("bad argument #2 to 'format' (string expected, got nil)", "%q", NIL),
                err("bad argument #2 to 'format' (string expected, got boolean)", "%q", true),
                err("bad argument #2 to 'format' (number expected, got string)", "%c", "x"),
                err("bad argument #2 to 'format' (not a non-negative number in proper range)", "%x", -1),
                err("bad argument #2 to 'format' (not a non-negative number in proper range)", "%x", -1.5),
                err("bad argument #2 to 'format' (not a non-negative number in proper range)", "%u", -1),
                err("bad argument #2 to 'format' (not a non-negative number in proper range)", "%o", -1),
                err("bad argument #2 to 'format' (not a non-negative number in proper range)", "%x", 1.8446744073709552e+19),
                err("bad argument #2 to 'format' (not a non-negative number in proper range)", "%x", NEG_NAN),
                err("bad argument #2 to 'format' (not a number in proper range)", "%d", 9.2233720368547758e+18),
                err("bad argument #2 to 'format' (not a number in proper range)", "%d", -9.2233720368547779e+18),
                err("bad argument #2 to 'format' (not a number in proper range)", "%d", INF),
                err("bad argument #2 to 'format' (not a number in proper range)", "%d", NEG_NAN),
                err("bad argument #2 to 'format' (not a number in proper range)", "%i", -INF),
                err("bad argument #2 to 'format' (not a non-negative number in proper range)", "%X", INF),
                err("invalid option '%y' to 'format'", "%y", 1),
                err("invalid option '%\000' to 'format'", "%", 1),
                err("invalid option '%\000' to 'format'", "%5", 1),
                err("invalid option '%\000' to 'format'", "%\000d", 1),
                err("invalid option '%F' to 'format'", "%F", 1),
                err("invalid option '%l' to 'format'", "%ld", 1),
                err("invalid option '%h' to 'format'", "%hd", 1),
                err("invalid option '%n' to 'format'", "%n", 1),
                err("invalid option '%p' to 'format'", "%p", 1),
                err("invalid option '%S' to 'format'", "%S", 1),
                err("invalid option '%b' to 'format'", "%b", 1),
                err("invalid option '%\000' to 'format'", "%5.", 1),
                err("invalid option '%\000' to 'format'", "%-", 1),
                err("bad argument #2 to 'format' (no value)", "%y"),
                err("invalid option '%\000' to 'format'", "%", NIL),
                err("invalid option '%\310' to 'format'", "%\310", 1),
                err("invalid option '%\012' to 'format'", "%\012", 1),
                err("invalid format (repeated flags)", "%------5d", 1),
                err("invalid format (repeated flags)", "%+- #0+d", 1),
                err("invalid format (width or precision too long)", "%100d", 1),
                err("invalid format (width or precision too long)", "%.100d", 1),
                err("invalid format (width or precision too long)", "%10.100d", 1),
                err("invalid format (width or precision too long)", "%999d", 1),
                err("invalid format (width or precision too long)", "%.123f", 1),
                err("invalid format (width or precision too long)", "%-----100d", 1),
                err("invalid format (repeated flags)", "%d %-------d", 1, 2),
                err("bad argument #4 to 'format' (no value)", "%d %s %q", 1, "x"),
                err("bad argument #2 to 'format' (number expected, got string)", "abc %d", "def")
        );
    }

    static Stream<Arguments> errors() {
        return Stream.of(errors0()).flatMap(s -> s);
    }

    private static Stream<Arguments> texts0() {
        return Stream.of(
                text("0", 0),
                text("-0", -0.0),
                text("1", 1),
                text("-1", -1),
                text("3", 3),
                text("42", 42),
                text("-17", -17),
                text("2147483648", 2147483648.0),
                text("2147483647", 2147483647),
                text("-2147483648", -2147483648),
                text("4294967296", 4294967296.0),
                text("99999999999999", 99999999999999.0),
                text("1e+14", 100000000000000.0),
                text("-1e+14", -100000000000000.0),
                text("1e+15", 1000000000000000.0),
                text("1e+16", 10000000000000000.0),
                text("9.007199254741e+15", 9007199254740992.0),
                text("9.007199254741e+15", 9007199254740994.0),
                text("9.2233720368548e+18", 9.2233720368547758e+18),
                text("-9.2233720368548e+18", -9.2233720368547758e+18),
                text("1.844674407371e+19", 1.8446744073709552e+19),
                text("1e+100", 1e+100),
                text("1e+300", 1.0000000000000001e+300),
                text("1.7976931348623e+308", 1.7976931348623157e+308),
                text("-1e+308", -1e+308),
                text("1.2345678901234e+14", 123456789012345.0),
                text("12345678901234", 12345678901234.0),
                text("1.2345678901235e+17", 1.2345678901234568e+17),
                text("0.1", 0.10000000000000001),
                text("0.2", 0.20000000000000001),
                text("0.3", 0.29999999999999999),
                text("0.3", 0.30000000000000004),
                text("0.33333333333333", 0.33333333333333331),
                text("0.66666666666667", 0.66666666666666663),
                text("-0.33333333333333", -0.33333333333333331),
                text("33.333333333333", 33.333333333333336),
                text("0.5", 0.5),
                text("1.5", 1.5),
                text("2.5", 2.5),
                text("-2.5", -2.5),
                text("3.14159", 3.1415899999999999),
                text("3.1415926535898", 3.1415926535897931),
                text("-3.1415926535898", -3.1415926535897931),
                text("2.718281828459", 2.7182818284590451),
                text("0.001", 0.001),
                text("0.0001", 0.0001),
                text("1e-05", 1.0000000000000001e-05),
                text("0.00012345", 0.00012344999999999999),
                text("1.2345e-05", 1.2345e-05),
                text("1.5e-07", 1.4999999999999999e-07),
                text("1e-100", 1e-100),
                text("1e-300", 1e-300),
                text("4.9406564584125e-324", 4.9406564584124654e-324),
                text("4.9406564584125e-324", 4.9406564584124654e-324),
                text("2.2250738585072e-308", 2.2250738585072014e-308),
                text("2.2250738585072e-308", 2.2250738585072009e-308),
                text("1.2345678901235e-310", 1.2345678901234572e-310),
                text("1e+14", 99999999999999.5),
                text("1e+15", 999999999999999.0),
                text("10", 9.9999999999999503),
                text("9.9999999999999", 9.9999999999999485),
                text("1", 0.99999999999999989),
                text("123.456", 123.456),
                text("1e+21", 1e+21),
                text("1e+22", 1e+22),
                text("1e+23", 9.9999999999999992e+22),
                text("12.5", 12.5),
                text("1000000.25", 1000000.25),
                text("4.5035996273705e+15", 4503599627370495.5),
                text("inf", INF),
                text("-inf", -INF),
                text("-nan", NEG_NAN),
                text("nan", POS_NAN),
                text("1.4142135623731", 1.4142135623730951),
                text("0.14285714285714", 0.14285714285714285),
                text("0.99609375", 0.99609375),
                text("1e+15", 1000000000000000.2),
                text("3.1415926535898e+14", 314159265358979.0),
                text("31415926535898", 31415926535897.898)
        );
    }

    static Stream<Arguments> texts() {
        return Stream.of(texts0()).flatMap(s -> s);
    }
}
