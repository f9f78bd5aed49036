package org.luaj.vm2.compiler;

import org.luaj.vm2.LuaString;

/**
 * lem's window into LuaJ's lexer (LexState), for the parts of it lem replaces: numerals, quoted
 * strings and long brackets (lem.runtime.compile.Lexemes). Like org.luaj.vm2.LuajAccess, it sits
 * in LuaJ's package to reach package-private members; docs/architecture.md lists every such place.
 */
public final class LexerAccess {
    /** The character code at the end of the input. */
    public static final int END = -1;

    private LexerAccess() {
    }

    /** The character under the lexer, or {@link #END}. */
    public static int current(LexState ls) {
        return ls.current;
    }

    /** Moves to the next character. */
    public static void next(LexState ls) {
        ls.nextChar();
    }

    /** Appends {@code c} to the text of the token being read. */
    public static void save(LexState ls, int c) {
        ls.save(c);
    }

    /** Saves the current character and moves to the next. */
    public static void saveAndNext(LexState ls) {
        ls.save_and_next();
    }

    /** Skips a line break ("\n", "\r", "\r\n" or "\n\r") and counts the line. */
    public static void newline(LexState ls) {
        ls.inclinenumber();
    }

    /** Forgets the text of the token being read. */
    public static void clearBuffer(LexState ls) {
        ls.nbuff = 0;
    }

    /** How many characters the text of the token being read has. */
    public static int bufferLength(LexState ls) {
        return ls.nbuff;
    }

    /** {@code length} characters of the token's text from {@code from}, as bytes. */
    public static LuaString buffered(LexState ls, int from, int length) {
        return LuaString.valueOf(ls.buff, from, length);
    }

    /** Reads {@code [==[} or {@code ]==]}, saving it: the count of '=', negative if the second bracket is missing. */
    public static int skipSeparator(LexState ls) {
        return ls.skip_sep();
    }

    /** Raises a syntax error at the current line, near {@code token} (0: near nothing). */
    public static RuntimeException error(LexState ls, String message, int token) {
        ls.lexerror(message, token);
        throw new IllegalStateException("lexerror returned");
    }
}
