package lem.lib;

/**
 * The character classes of Lua patterns ({@code %a %c %d %g %l %p %s %u %w %x %z} and their
 * upper-case complements), as the C library's {@code ctype} functions define them in the C
 * locale: only ASCII bytes belong to any class.
 */
final class CharClass {
    private CharClass() {
    }

    /** Whether byte {@code c} matches {@code %<letter>}; any other letter or symbol matches itself. */
    static boolean matches(int c, int letter) {
        boolean in;
        switch (letter | 0x20) { // its lower-case form, for letters
            case 'a' -> in = isAlpha(c);
            case 'c' -> in = c < 32 || c == 127;
            case 'd' -> in = isDigit(c);
            case 'g' -> in = c > 32 && c < 127;
            case 'l' -> in = isLower(c);
            case 'p' -> in = c > 32 && c < 127 && !isAlpha(c) && !isDigit(c);
            case 's' -> in = c == ' ' || (c >= '\t' && c <= '\r');
            case 'u' -> in = isUpper(c);
            case 'w' -> in = isAlpha(c) || isDigit(c);
            case 'x' -> in = isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
            case 'z' -> in = c == 0;
            default -> {
                return letter == c;
            }
        }
        return isLower(letter) == in;
    }

    static boolean isLower(int c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAlpha(int c) {
        return isLower(c) || isUpper(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
