package lem.runtime.compile;

import static org.luaj.vm2.compiler.LexerAccess.END;
import static org.luaj.vm2.compiler.LexerAccess.current;
import static org.luaj.vm2.compiler.LexerAccess.next;
import static org.luaj.vm2.compiler.LexerAccess.save;
import static org.luaj.vm2.compiler.LexerAccess.saveAndNext;

import java.util.Arrays;
import lem.lib.LuaNumbers;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LexState;
import org.luaj.vm2.compiler.LexerAccess;

/**
 * The tokens whose rules LuaJ's lexer gets wrong, read as Lua 5.2 reads them: numerals (LuaJ
 * takes "3e" or "0x" for numbers), quoted strings (LuaJ accepts any escape such as "\q") and long
 * brackets (LuaJ rejects a nested "[["). LexState's methods for them delegate here (LuajPatcher);
 * errors name the token's text as Lua does, e.g. {@code malformed number near '1e'}.
 */
public final class Lexemes {
    private Lexemes() {
    }

    /** Lua's white space (C's isspace); LuaJ counts every control character as space. */
    public static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * A numeral, from its first digit (a '.' before it is already saved): digits, letters that
     * may be hexadecimal digits, points and exponent signs, which must then make a number.
     */
    public static LuaValue numeral(LexState ls) {
        String exponent = "Ee";
        boolean zero = current(ls) == '0';
        saveAndNext(ls);
        if (zero && saveIfOneOf(ls, "Xx")) {
            exponent = "Pp";
        }
        while (true) {
            if (saveIfOneOf(ls, exponent)) {
                saveIfOneOf(ls, "+-");
            }
            int c = current(ls);
            if (hexValue(c) >= 0 || c == '.') {
                saveAndNext(ls);
            } else {
                break;
            }
        }
        LuaString text = LexerAccess.buffered(ls, 0, LexerAccess.bufferLength(ls));
        double value = LuaNumbers.parse(text.m_bytes, text.m_offset, text.m_length);
        if (Double.isNaN(value)) {
            throw LexerAccess.error(ls, "malformed number", SyntaxErrors.NUMBER);
        }
        return LuaValue.valueOf(value);
    }

    /** A string between {@code delimiter}s, its escape sequences resolved. */
    public static LuaString quotedString(LexState ls, int delimiter) {
        saveAndNext(ls);
        while (current(ls) != delimiter) {
            switch (current(ls)) {
                case END -> throw LexerAccess.error(ls, "unfinished string", SyntaxErrors.END_OF_INPUT);
                case '\n', '\r' -> throw LexerAccess.error(ls, "unfinished string", SyntaxErrors.STRING);
                case '\\' -> escape(ls);
                default -> saveAndNext(ls);
            }
        }
        saveAndNext(ls);
        return LexerAccess.buffered(ls, 1, LexerAccess.bufferLength(ls) - 2);
    }

    /** The escape sequence after a backslash; the backslash itself is not saved. */
    private static void escape(LexState ls) {
        next(ls);
        int c = current(ls);
        switch (c) {
            case 'a' -> saveInstead(ls, 7);
            case 'b' -> saveInstead(ls, '\b');
            case 'f' -> saveInstead(ls, '\f');
            case 'n' -> saveInstead(ls, '\n');
            case 'r' -> saveInstead(ls, '\r');
            case 't' -> saveInstead(ls, '\t');
            case 'v' -> saveInstead(ls, 11);
            case '\\', '"', '\'' -> saveInstead(ls, c);
            case 'x' -> saveInstead(ls, hexEscape(ls));
            case '\n', '\r' -> {
                LexerAccess.newline(ls);
                save(ls, '\n');
            }
            case 'z' -> {
                next(ls);
                while (isSpace(current(ls))) {
                    if (current(ls) == '\n' || current(ls) == '\r') {
                        LexerAccess.newline(ls);
                    } else {
                        next(ls);
                    }
                }
            }
            case END -> {
                // the string is unfinished: the caller says so
            }
            default -> {
                if (c < '0' || c > '9') {
                    throw escapeError(ls, "invalid escape sequence", c);
                }
                save(ls, decimalEscape(ls));
            }
        }
    }

    /** Saves {@code c} for the current character, and moves past it. */
    private static void saveInstead(LexState ls, int c) {
        save(ls, c);
        next(ls);
    }

    /** {@code \xXX}: exactly two hexadecimal digits; the lexer stays on the second. */
    private static int hexEscape(LexState ls) {
        int value = 0;
        int[] read = {'x', 0, 0};
        for (int i = 1; i <= 2; i++) {
            next(ls);
            read[i] = current(ls);
            int digit = hexValue(read[i]);
            if (digit < 0) {
                throw escapeError(ls, "hexadecimal digit expected", Arrays.copyOf(read, i + 1));
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** {@code \ddd}: up to three decimal digits, at most 255; the lexer moves past them. */
    private static int decimalEscape(LexState ls) {
        int value = 0;
        int[] read = new int[3];
        int count = 0;
        while (count < 3 && current(ls) >= '0' && current(ls) <= '9') {
            read[count++] = current(ls);
            value = value * 10 + current(ls) - '0';
            next(ls);
        }
        if (value > 255) {
            throw escapeError(ls, "decimal escape too large", Arrays.copyOf(read, count));
        }
        return value;
    }

    /** An error near the escape sequence as far as it was read: {@code near '\q'}. */
    private static RuntimeException escapeError(LexState ls, String message, int... read) {
        LexerAccess.clearBuffer(ls);
        save(ls, '\\');
        for (int c : read) {
            if (c != END) {
                save(ls, c);
            }
        }
        return LexerAccess.error(ls, message, SyntaxErrors.STRING);
    }

    /** A long string {@code [==[...]==]}, from its second bracket; {@code level} counts the '='. */
    public static LuaString longString(LexState ls, int level) {
        readLongBracket(ls, level, true);
        int brackets = 2 + level;
        return LexerAccess.buffered(ls, brackets, LexerAccess.bufferLength(ls) - 2 * brackets);
    }

    /** A long comment {@code --[==[...]==]}, from its second bracket. */
    public static void longComment(LexState ls, int level) {
        readLongBracket(ls, level, false);
    }

    /** Reads to the closing bracket of {@code level}, saving the text when {@code keep}; a first line break is skipped. */
    private static void readLongBracket(LexState ls, int level, boolean keep) {
        saveAndNext(ls);
        if (current(ls) == '\n' || current(ls) == '\r') {
            LexerAccess.newline(ls);
        }
        while (true) {
            switch (current(ls)) {
                case END -> throw LexerAccess.error(ls,
                        keep ? "unfinished long string" : "unfinished long comment", SyntaxErrors.END_OF_INPUT);
                case ']' -> {
                    if (LexerAccess.skipSeparator(ls) == level) {
                        saveAndNext(ls);
                        return;
                    }
                }
                case '\n', '\r' -> {
                    save(ls, '\n');
                    LexerAccess.newline(ls);
                    if (!keep) {
                        LexerAccess.clearBuffer(ls);
                    }
                }
                default -> {
                    if (keep) {
                        saveAndNext(ls);
                    } else {
                        next(ls);
                    }
                }
            }
        }
    }

    /** The value of hexadecimal digit {@code c}, or -1 if it is none (or the end). */
    private static int hexValue(int c) {
        return c >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }

    /** Saves and skips the current character if it is one of {@code set}. */
    private static boolean saveIfOneOf(LexState ls, String set) {
        int c = current(ls);
        if (c == END || set.indexOf(c) < 0) {
            return false;
        }
        saveAndNext(ls);
        return true;
    }
}
