package lem.lib.std.io;

import java.io.IOException;

/**
 * Reads a number as C's {@code fscanf(f, "%lf")} does in glibc (Lua 5.2's {@code read("*n")}):
 * white space, a sign, then the longest prefix of a decimal or hexadecimal number, inf or nan,
 * with one byte of look-ahead given back. An exponent without digits is dropped ("1e" reads
 * 1), but a number without digits ("-", ".", "0x") fails, its bytes consumed.
 */
final class NumberScanner {
    private final LuaFile file;
    private final StringBuilder text = new StringBuilder();
    private int c;

    private NumberScanner(LuaFile file) {
        this.file = file;
    }

    /** The number read, or null when there was none. */
    static Double scan(LuaFile file) throws IOException {
        return new NumberScanner(file).scan();
    }

    private void next() throws IOException {
        c = file.getc();
    }

    /** Takes the current byte into the text and reads the next. */
    private void take() throws IOException {
        text.append((char) c);
        next();
    }

    private boolean is(char lower) {
        return c == lower || c == Character.toUpperCase(lower);
    }

    private Double scan() throws IOException {
        next();
        while (c == ' ' || (c >= '\t' && c <= '\r')) {
            next();
        }
        if (c == '+' || c == '-') {
            take();
        }
        Double result;
        if (is('i') || is('n')) {
            result = word();
        } else {
            result = digits();
        }
        if (c != -1) {
            file.ungetc();
        }
        return result;
    }

    /** inf, infinity or nan (with an optional parenthesised tail, as glibc takes it). */
    private Double word() throws IOException {
        boolean negative = text.length() > 0 && text.charAt(0) == '-';
        if (is('n')) {
            if (!expect("nan")) {
                return null;
            }
            if (c == '(') {
                do {
                    next();
                } while (Character.isLetterOrDigit(c) || c == '_');
                if (c != ')') {
                    return null;
                }
                next();
            }
            // as glibc's strtod: the sign bit as written (not the -nan of 0/0)
            return Double.longBitsToDouble(negative ? 0xfff8000000000000L : 0x7ff8000000000000L);
        }
        if (!expect("inf")) {
            return null;
        }
        if (is('i') && !expect("inity")) {
            return null;
        }
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private boolean expect(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (!is(word.charAt(i))) {
                return false;
            }
            next();
        }
        return true;
    }

    private Double digits() throws IOException {
        boolean hex = false;
        int count = 0;
        if (c == '0') {
            take();
            count++;
            if (is('x')) {
                take();
                hex = true;
                count = 0;
            }
        }
        count += run(hex);
        if (c == '.') {
            take();
            count += run(hex);
        }
        if (count == 0) {
            return null;
        }
        String mantissa = text.toString();
        String exponent = "";
        if (hex ? is('p') : is('e')) {
            next();
            StringBuilder e = new StringBuilder(hex ? "p" : "e");
            if (c == '+' || c == '-') {
                e.append((char) c);
                next();
            }
            int n = 0;
            while (c >= '0' && c <= '9') {
                e.append((char) c);
                next();
                n++;
            }
            if (n > 0) {
                exponent = e.toString();
            }
        }
        if (hex && exponent.isEmpty()) {
            exponent = "p0"; // Java's hexadecimal numbers need an exponent
        }
        return Double.parseDouble(mantissa + exponent);
    }

    /** Takes a run of digits; returns how many. */
    private int run(boolean hex) throws IOException {
        int n = 0;
        while ((c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))) {
            take();
            n++;
        }
        return n;
    }
}
