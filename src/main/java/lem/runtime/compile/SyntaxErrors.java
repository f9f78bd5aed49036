package lem.runtime.compile;

import lem.runtime.debug.ChunkId;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;

/**
 * Syntax error messages in Lua 5.2's words: {@code chunk:line: message near 'token'}. LuaJ's
 * compiler (LexState, FuncState) reaches these through LuajPatcher's patches.
 */
public final class SyntaxErrors {
    /** LuaJ numbers its tokens above 256 as Lua 5.2 does, from {@code and} (257) to {@code <string>} (289). */
    private static final int FIRST_TOKEN = 257;
    private static final String[] TOKENS = {
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
        "..", "...", "==", ">=", "<=", "~=", "::", "<eof>", "<number>", "<name>", "<string>",
    };
    /** The codes of the tokens that are not symbols or reserved words. */
    static final int END_OF_INPUT = FIRST_TOKEN + 29;
    static final int NUMBER = END_OF_INPUT + 1;
    static final int NAME = END_OF_INPUT + 2;
    static final int STRING = END_OF_INPUT + 3;

    private SyntaxErrors() {
    }

    /**
     * The error LexState.lexerror raises: {@code message} at {@code line} of {@code source}, near
     * {@code token} unless it is 0. A name, string or numeral is shown as the lexer read it,
     * which is in {@code buffer}.
     */
    public static LuaError error(LuaString source, int line, String message, int token, char[] buffer, int length) {
        String where = ChunkId.of(source.tojstring()) + ":" + line + ": " + message;
        if (token == 0) {
            return new LuaError(where);
        }
        String near = token == NAME || token == STRING || token == NUMBER
                ? "'" + LuaString.valueOf(buffer, 0, length).tojstring() + "'"
                : token(token);
        return new LuaError(where + " near " + near);
    }

    /** {@code 'x' expected}, or {@code <name> expected}. */
    public static String expected(int token) {
        return token(token) + " expected";
    }

    /** A goto without a visible label; a {@code break} is a goto to a label named "break". */
    public static String undefinedGoto(LuaString label, int line) {
        return label.tojstring().equals("break")
                ? "<break> at line " + line + " not inside a loop"
                : "no visible label '" + label.tojstring() + "' for <goto> at line " + line;
    }

    /** A compiler limit ({@code what}: "local variables", "upvalues", "C levels") exceeded in the function starting at {@code lineDefined}. */
    public static String limit(String what, int limit, int lineDefined) {
        String function = lineDefined == 0 ? "main function" : "function at line " + lineDefined;
        return "too many " + what + " (limit is " + limit + ") in " + function;
    }

    /** A token as messages show it: symbols and reserved words quoted, {@code <eof>} and kinds of token bare. */
    private static String token(int token) {
        if (token < FIRST_TOKEN) {
            return token >= ' ' && token < 127 ? "'" + (char) token + "'" : "char(" + token + ")";
        }
        String text = TOKENS[token - FIRST_TOKEN];
        return token < END_OF_INPUT ? "'" + text + "'" : text;
    }
}
