package lem.lib;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as text the way Lua 5.2 on glibc/x86-64 writes them, and text as numbers the way it reads them.
 *
 * <p>{@link #toText} is {@code tostring} of a number (C's {@code %.14g}); {@link #format} is one
 * {@code printf} conversion ({@code %e %E %f %g %G %a %A}) with flags, width and precision, rounding the
 * exact binary value half-to-even like glibc. NaN is written {@code nan} or {@code -nan} after its sign bit,
 * as glibc does: on x86-64 the NaN that {@code 0/0}, {@code inf-inf} or {@code sqrt(-1)} produce has the sign
 * bit set ({@link #DEFAULT_NAN}), so lua5.2 prints {@code -nan} for them and {@code nan} for {@code -(0/0)}.
 */
public final class LuaNumbers {
    /** The NaN an invalid x86-64 operation produces (sign bit set): what lua5.2 computes for {@code 0/0}. */
    public static final double DEFAULT_NAN = Double.longBitsToDouble(0xfff8000000000000L);

    /** {@code -} flag: left-justify. */
    public static final int LEFT = 1;
    /** {@code +} flag: always a sign. */
    public static final int PLUS = 2;
    /** space flag: a space where a plus sign would go. */
    public static final int SPACE = 4;
    /** {@code #} flag: alternate form. */
    public static final int ALT = 8;
    /** {@code 0} flag: pad with zeros. */
    public static final int ZERO = 16;

    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final MathContext[] CONTEXTS = new MathContext[101];

    static {
        for (int i = 1; i < CONTEXTS.length; i++) {
            CONTEXTS[i] = new MathContext(i, RoundingMode.HALF_EVEN);
        }
    }

    private LuaNumbers() {
    }

    // ---------------------------------------------------------------- tostring

    /** Lua 5.2's {@code tostring} of a number: C's {@code %.14g}. */
    public static String toText(double d) {
        if (d == (long) d && d < 1e14 && d > -1e14) {
            if (d != 0 || Double.doubleToRawLongBits(d) == 0) {
                return Long.toString((long) d);
            }
            return "-0";
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d, false);
        }
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        char[] digits = new char[14];
        int x = decompose(d, 14, digits);
        int n = 14;
        while (n > 1 && digits[n - 1] == '0') {
            n--;
        }
        if (x < -4 || x >= 14) {
            sb.append(digits[0]);
            if (n > 1) {
                sb.append('.').append(digits, 1, n - 1);
            }
            appendExponent(sb, 'e', x);
        } else if (x >= 0) {
            if (n <= x + 1) {
                sb.append(digits, 0, n);
                for (int i = n; i <= x; i++) {
                    sb.append('0');
                }
            } else {
                sb.append(digits, 0, x + 1).append('.').append(digits, x + 1, n - x - 1);
            }
        } else {
            sb.append("0.");
            for (int i = -1; i > x; i--) {
                sb.append('0');
            }
            sb.append(digits, 0, n);
        }
        return sb.toString();
    }

    /**
     * Java's shortest representation of positive normal {@code a} (it differs from {@code a} by at most half
     * an ulp): its significant digits without trailing zeros into {@code dig} (17 long), their count into
     * {@code count[0]}; returns the decimal exponent of the first digit.
     */
    private static int shortest(double a, char[] dig, int[] count) {
        String s = Double.toString(a); // "ddd.ddd" or "d.dddE[-]nn"
        int len = s.length();
        int ePos = s.indexOf('E');
        int mantEnd = ePos < 0 ? len : ePos;
        int exp10 = ePos < 0 ? 0 : Integer.parseInt(s, ePos + 1, len, 10);
        int nd = 0;
        int pointAt = -1; // mantissa digits before the point
        int seen = 0;
        int leadingZeros = 0;
        for (int i = 0; i < mantEnd; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                pointAt = seen;
                continue;
            }
            seen++;
            if (nd == 0 && c == '0') {
                leadingZeros++;
            } else if (nd < dig.length) {
                dig[nd++] = c;
            } else if (c != '0') {
                nd = dig.length + 1; // more digits than expected: let the caller take the exact way
            }
        }
        if (pointAt < 0) {
            pointAt = seen;
        }
        while (nd > 0 && nd <= dig.length && dig[nd - 1] == '0') {
            nd--;
        }
        count[0] = nd;
        return exp10 + pointAt - leadingZeros - 1;
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /**
     * Rounds the shortest digits {@code dig[0..nd)} (exponent {@code x}) of a normal double to {@code n}
     * significant digits (1..15) into {@code out}, returning the new exponent, or {@link Integer#MIN_VALUE}
     * when the shortest digits are too close to a tie to decide how the exact value rounds. The shortest
     * representation is within 11.1 units of its 17th digit of the double (half an ulp is at most
     * 2^-53 * 10^(x+1)), so dropped digits further than 30 such units from a half round the same way.
     */
    private static int roundShortest(char[] dig, int nd, int x, int n, char[] out) {
        if (nd <= n) {
            System.arraycopy(dig, 0, out, 0, nd);
            for (int i = nd; i < n; i++) {
                out[i] = '0';
            }
            return x;
        }
        if (nd > 17) {
            return Integer.MIN_VALUE;
        }
        long tail = 0;
        for (int i = n; i < 17; i++) {
            tail = tail * 10 + (i < nd ? dig[i] - '0' : 0);
        }
        long half = 5 * POW10[16 - n];
        if (Math.abs(tail - half) <= 30) {
            return Integer.MIN_VALUE;
        }
        System.arraycopy(dig, 0, out, 0, n);
        if (tail > half) {
            int i = n - 1;
            while (i >= 0 && out[i] == '9') {
                out[i--] = '0';
            }
            if (i < 0) {
                out[0] = '1';
                x++;
            } else {
                out[i]++;
            }
        }
        return x;
    }

    // ---------------------------------------------------------------- printf

    /**
     * One C {@code printf} floating-point conversion of {@code d}: {@code conv} is one of {@code e E f g G a A}
     * (also {@code F}), {@code flags} a combination of {@link #LEFT} {@link #PLUS} {@link #SPACE} {@link #ALT}
     * {@link #ZERO}, {@code width} 0 for none, {@code precision} negative for none.
     */
    public static String format(double d, char conv, int flags, int width, int precision) {
        boolean upper = conv == 'E' || conv == 'G' || conv == 'A' || conv == 'F';
        boolean alt = (flags & ALT) != 0;
        boolean negative = Double.doubleToRawLongBits(d) < 0;
        String sign = negative ? "-" : (flags & PLUS) != 0 ? "+" : (flags & SPACE) != 0 ? " " : "";
        String body;
        int prefixLength = 0; // characters after the sign that zero padding goes behind ("0x")
        boolean finite = !Double.isNaN(d) && !Double.isInfinite(d);
        if (!finite) {
            String s = Double.isNaN(d) ? "nan" : "inf";
            body = upper ? s.toUpperCase() : s;
        } else {
            double a = Math.abs(d);
            switch (conv) {
                case 'e', 'E' -> body = eBody(a, precision < 0 ? 6 : precision, alt, upper);
                case 'f', 'F' -> body = fBody(a, precision < 0 ? 6 : precision, alt);
                case 'g', 'G' -> body = gBody(a, precision, alt, upper);
                case 'a', 'A' -> {
                    body = aBody(a, precision, alt, upper);
                    prefixLength = 2;
                }
                default -> throw new IllegalArgumentException("conversion " + conv);
            }
        }
        return pad(sign, body, prefixLength, flags, width, finite && (flags & ZERO) != 0 && (flags & LEFT) == 0);
    }

    /** {@code %.<precision>g} (alternate form with {@code alternate}), precision negative for the default. */
    public static String formatG(double d, int precision, boolean alternate, boolean upper) {
        return format(d, upper ? 'G' : 'g', alternate ? ALT : 0, 0, precision);
    }

    /** {@code %.<precision>e}, precision negative for the default. */
    public static String formatE(double d, int precision, boolean alternate, boolean upper) {
        return format(d, upper ? 'E' : 'e', alternate ? ALT : 0, 0, precision);
    }

    /** {@code %.<precision>f}, precision negative for the default. */
    public static String formatF(double d, int precision, boolean alternate) {
        return format(d, 'f', alternate ? ALT : 0, 0, precision);
    }

    /** {@code %.<precision>a}, precision negative for the exact value. */
    public static String formatA(double d, int precision, boolean alternate, boolean upper) {
        return format(d, upper ? 'A' : 'a', alternate ? ALT : 0, 0, precision);
    }

    /** Sign, body and padding to {@code width}: zeros after sign and prefix when {@code zeros}, else spaces. */
    static String pad(String sign, String body, int prefixLength, int flags, int width, boolean zeros) {
        int len = sign.length() + body.length();
        if (len >= width) {
            return sign.isEmpty() ? body : sign + body;
        }
        StringBuilder sb = new StringBuilder(width);
        int fill = width - len;
        if ((flags & LEFT) != 0) {
            sb.append(sign).append(body);
            sb.repeat(' ', fill);
        } else if (zeros) {
            sb.append(sign).append(body, 0, prefixLength);
            sb.repeat('0', fill);
            sb.append(body, prefixLength, body.length());
        } else {
            sb.repeat(' ', fill);
            sb.append(sign).append(body);
        }
        return sb.toString();
    }

    private static String special(double d, boolean upper) {
        String s = Double.isNaN(d) ? "nan" : "inf";
        if (upper) {
            s = s.toUpperCase();
        }
        return Double.doubleToRawLongBits(d) < 0 ? "-" + s : s;
    }

    /**
     * The first {@code n} significant digits of non-negative finite {@code a} rounded half-to-even into
     * {@code out}; returns the decimal exponent of the first digit (0 for zero).
     */
    static int decompose(double a, int n, char[] out) {
        if (a == 0) {
            for (int i = 0; i < n; i++) {
                out[i] = '0';
            }
            return 0;
        }
        if (n <= 15 && a >= Double.MIN_NORMAL) { // subnormals have too few bits for the shortest digits
            char[] dig = new char[17];
            int[] count = new int[1];
            int x = shortest(a, dig, count);
            x = roundShortest(dig, count[0], x, n, out);
            if (x != Integer.MIN_VALUE) {
                return x;
            }
        }
        BigDecimal bd = new BigDecimal(a).round(CONTEXTS[n]);
        String u = bd.unscaledValue().toString();
        int len = u.length();
        u.getChars(0, len, out, 0);
        for (int i = len; i < n; i++) {
            out[i] = '0';
        }
        return len - 1 - bd.scale();
    }

    private static void appendExponent(StringBuilder sb, char e, int x) {
        sb.append(e).append(x < 0 ? '-' : '+');
        int ax = Math.abs(x);
        if (ax < 10) {
            sb.append('0');
        }
        sb.append(ax);
    }

    private static String eBody(double a, int precision, boolean alt, boolean upper) {
        char[] digits = new char[precision + 1];
        int x = decompose(a, precision + 1, digits);
        StringBuilder sb = new StringBuilder(precision + 8);
        sb.append(digits[0]);
        if (precision > 0 || alt) {
            sb.append('.');
        }
        sb.append(digits, 1, precision);
        appendExponent(sb, upper ? 'E' : 'e', x);
        return sb.toString();
    }

    private static String fBody(double a, int precision, boolean alt) {
        String s = null;
        if (a >= Double.MIN_NORMAL && a < 1e17) {
            char[] dig = new char[17];
            int[] count = new int[1];
            int x = shortest(a, dig, count);
            int n = x + 1 + precision; // significant digits up to the last decimal
            if (n >= 1 && n <= 15) {
                char[] out = new char[16];
                int rx = roundShortest(dig, count[0], x, n, out);
                if (rx != Integer.MIN_VALUE) {
                    s = plain(out, n, rx, precision);
                }
            }
        }
        if (s == null) {
            s = new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        }
        return alt && precision == 0 ? s + "." : s;
    }

    /** Digits {@code d[0..n)} with exponent {@code x} (zeros beyond n) written with {@code decimals} decimals. */
    private static String plain(char[] d, int n, int x, int decimals) {
        StringBuilder sb = new StringBuilder(Math.max(x, 0) + decimals + 3);
        if (x >= 0) {
            for (int i = 0; i <= x; i++) {
                sb.append(i < n ? d[i] : '0');
            }
        } else {
            sb.append('0');
        }
        if (decimals > 0) {
            sb.append('.');
            for (int k = 1; k <= decimals; k++) { // the digit worth 10^-k
                int i = x + k;
                sb.append(i >= 0 && i < n ? d[i] : '0');
            }
        }
        return sb.toString();
    }

    private static String gBody(double a, int precision, boolean alt, boolean upper) {
        int p = precision < 0 ? 6 : precision == 0 ? 1 : precision;
        char[] digits = new char[p];
        int x = decompose(a, p, digits);
        StringBuilder sb = new StringBuilder(p + 8);
        if (x < -4 || x >= p) {
            if (alt && x == p && new BigDecimal(a).compareTo(BigDecimal.TEN.pow(p)) < 0) {
                // glibc chooses %f by the unrounded exponent p-1; when rounding then carries into a
                // (p+1)th integer digit it switches to %e but keeps no fraction digits: "1.e+06"
                sb.append("1.");
                appendExponent(sb, upper ? 'E' : 'e', x);
                return sb.toString();
            }
            int n = p;
            if (!alt) {
                while (n > 1 && digits[n - 1] == '0') {
                    n--;
                }
            }
            sb.append(digits[0]);
            if (n > 1 || alt) {
                sb.append('.');
            }
            sb.append(digits, 1, n - 1);
            appendExponent(sb, upper ? 'E' : 'e', x);
            return sb.toString();
        }
        // fixed notation with p-1-x decimals: the same digits, placed around the point
        int n = p;
        if (!alt) {
            while (n > 0 && n > x + 1 && digits[n - 1] == '0') {
                n--;
            }
        }
        if (x >= 0) {
            sb.append(digits, 0, x + 1);
            if (n > x + 1 || alt) {
                sb.append('.');
            }
            sb.append(digits, x + 1, n - x - 1);
        } else {
            sb.append('0');
            if (n > 0 || alt) {
                sb.append('.');
            }
            for (int i = -1; i > x; i--) {
                sb.append('0');
            }
            sb.append(digits, 0, n);
        }
        return sb.toString();
    }

    /** glibc's {@code %a} of non-negative finite {@code a}: "0x", leading 0 or 1 (2 after rounding up), ... */
    private static String aBody(double a, int precision, boolean alt, boolean upper) {
        char[] hex = upper ? HEX_UPPER : HEX_LOWER;
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52) & 0x7ff;
        long mantissa = bits & 0xfffffffffffffL;
        int leading;
        int exponent;
        if (biased == 0) {
            leading = 0;
            exponent = mantissa == 0 ? 0 : -1022;
        } else {
            leading = 1;
            exponent = biased - 1023;
        }
        char[] num = new char[13];
        for (int i = 0; i < 13; i++) {
            num[i] = hex[(int) (mantissa >>> (48 - 4 * i)) & 0xf];
        }
        int n = 13;
        while (n > 0 && num[n - 1] == '0') {
            n--;
        }
        if (precision < 0) {
            precision = n;
        } else if (precision < n) {
            int last = precision > 0 ? Character.digit(num[precision - 1], 16) : leading;
            int next = Character.digit(num[precision], 16);
            boolean more = (next & 7) != 0;
            for (int i = precision + 1; i < n && !more; i++) {
                more = num[i] != '0';
            }
            if (next >= 8 && ((last & 1) != 0 || more)) {
                int i = precision - 1;
                for (; i >= 0; i--) {
                    int v = Character.digit(num[i], 16);
                    if (v < 15) {
                        num[i] = hex[v + 1];
                        break;
                    }
                    num[i] = '0';
                }
                if (i < 0) {
                    leading++;
                }
            }
            n = precision;
        }
        StringBuilder sb = new StringBuilder(precision + 12);
        sb.append('0').append(upper ? 'X' : 'x').append((char) ('0' + leading));
        if (precision > 0 || alt) {
            sb.append('.');
        }
        sb.append(num, 0, Math.min(n, precision));
        for (int i = n; i < precision; i++) {
            sb.append('0');
        }
        sb.append(upper ? 'P' : 'p').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        return sb.toString();
    }

    // ---------------------------------------------------------------- text to number

    /**
     * Lua 5.2's conversion of a string to a number ({@code luaO_str2d}: {@code strtod} in the C locale, decimal
     * or hexadecimal with optional fraction and exponent, surrounded by optional white space, no inf or nan).
     * Returns NaN when the bytes are not a number.
     */
    public static double parse(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end && isSpace(b[i])) {
            i++;
        }
        int start = i;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        double value;
        if (i + 1 < end && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            int j = i + 2;
            int intStart = j;
            while (j < end && Character.digit(b[j], 16) >= 0) {
                j++;
            }
            int intEnd = j;
            int fracStart = j;
            int fracEnd = j;
            if (j < end && b[j] == '.') {
                fracStart = ++j;
                while (j < end && Character.digit(b[j], 16) >= 0) {
                    j++;
                }
                fracEnd = j;
            }
            if (intEnd == intStart && fracEnd == fracStart) {
                return Double.NaN; // strtod reads "0" and leaves the "x"
            }
            long exponent = 0;
            if (j < end && (b[j] == 'p' || b[j] == 'P')) {
                int k = j + 1;
                boolean expNegative = false;
                if (k < end && (b[k] == '-' || b[k] == '+')) {
                    expNegative = b[k] == '-';
                    k++;
                }
                if (k < end && isDigit(b[k])) {
                    while (k < end && isDigit(b[k])) {
                        exponent = Math.min(exponent * 10 + (b[k] - '0'), 100_000_000L);
                        k++;
                    }
                    if (expNegative) {
                        exponent = -exponent;
                    }
                    j = k;
                }
            }
            StringBuilder sb = new StringBuilder(j - i + 8).append("0x");
            for (int k = intStart; k < intEnd; k++) {
                sb.append((char) b[k]);
            }
            if (intEnd == intStart) {
                sb.append('0');
            }
            sb.append('.');
            for (int k = fracStart; k < fracEnd; k++) {
                sb.append((char) b[k]);
            }
            sb.append('p').append(exponent);
            value = Double.parseDouble(sb.toString());
            if (negative) {
                value = -value;
            }
            i = j;
        } else {
            int j = i;
            int digits = 0;
            while (j < end && isDigit(b[j])) {
                j++;
                digits++;
            }
            if (j < end && b[j] == '.') {
                j++;
                while (j < end && isDigit(b[j])) {
                    j++;
                    digits++;
                }
            }
            if (digits == 0) {
                return Double.NaN;
            }
            if (j < end && (b[j] == 'e' || b[j] == 'E')) {
                int k = j + 1;
                if (k < end && (b[k] == '-' || b[k] == '+')) {
                    k++;
                }
                if (k < end && isDigit(b[k])) {
                    while (k < end && isDigit(b[k])) {
                        k++;
                    }
                    j = k;
                }
            }
            value = parseDecimal(b, start, j);
            i = j;
        }
        while (i < end && isSpace(b[i])) {
            i++;
        }
        return i == end ? value : Double.NaN;
    }

    private static double parseDecimal(byte[] b, int from, int to) {
        char[] chars = new char[to - from];
        for (int k = from; k < to; k++) {
            chars[k - from] = (char) b[k];
        }
        String s = new String(chars);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            // an exponent too long for Java: decide by its sign and whether the digits are all zero
            return new BigDecimal(s.replaceFirst("[eE].*", "")).signum() == 0
                    ? (s.startsWith("-") ? -0.0 : 0.0)
                    : s.matches(".*[eE]-.*") ? (s.startsWith("-") ? -0.0 : 0.0)
                    : (s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
