package lem.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the shell's locals alive from one chunk to the next: a {@code local} statement at the
 * top level of a chunk becomes an assignment to a name the shell then holds in its own scope
 * (see {@link ShellScope}). {@code local function f} becomes {@code function f}; {@code local a,
 * b} without values becomes {@code a, b = nil}. Locals inside functions and blocks are left alone.
 */
final class LocalRewriter {
    /** The rewritten source and the names it declared. */
    record Result(String source, List<String> names) {
    }

    private final String src;
    private int pos;

    private LocalRewriter(String src) {
        this.src = src;
    }

    static Result rewrite(String source) {
        return new LocalRewriter(source).run();
    }

    private Result run() {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        int depth = 0;
        int copied = 0;
        String token;
        while ((token = next()) != null) {
            switch (token) {
                case "function", "do", "then", "repeat" -> depth++;
                case "end", "until", "elseif" -> depth--;
                default -> { }
            }
            if (!token.equals("local") || depth != 0) {
                continue;
            }
            int localStart = pos - token.length();
            int afterLocal = pos;
            String first = next();
            if (first == null) {
                break;
            }
            if (first.equals("function")) {
                depth++;
                String name = next();
                names.add(name);
                out.append(src, copied, localStart);
                copied = afterLocal;
                continue;
            }
            List<String> declared = new ArrayList<>(List.of(first));
            int end = pos;
            String t = next();
            while (",".equals(t)) {
                declared.add(next());
                end = pos;
                t = next();
            }
            names.addAll(declared);
            out.append(src, copied, localStart);
            if ("=".equals(t)) {
                copied = afterLocal; // drop "local", keep "a, b = ..."
            } else {
                out.append(src, afterLocal, end).append(" = nil");
                copied = end;
            }
            pos = end;
        }
        out.append(src, copied, src.length());
        return new Result(out.toString(), names);
    }

    /** The next token: a name or keyword, a number, a symbol; strings and comments are skipped. */
    private String next() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("--", pos)) {
                pos += 2;
                int level = longBracketLevel();
                if (level >= 0) {
                    skipLongBracket(level);
                } else {
                    while (pos < src.length() && src.charAt(pos) != '\n') {
                        pos++;
                    }
                }
            } else if (c == '"' || c == '\'') {
                skipQuoted(c);
                return "<string>";
            } else if (c == '[' && longBracketLevel() >= 0) {
                skipLongBracket(longBracketLevel());
                return "<string>";
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                return src.substring(start, pos);
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                return src.substring(start, pos);
            } else if (c == '=' && src.startsWith("==", pos)) {
                pos += 2;
                return "==";
            } else {
                pos++;
                return String.valueOf(c);
            }
        }
        return null;
    }

    /** At "[" followed by "="s and "[": the number of "="s; else -1. Does not move. */
    private int longBracketLevel() {
        if (pos >= src.length() || src.charAt(pos) != '[') {
            return -1;
        }
        int i = pos + 1;
        while (i < src.length() && src.charAt(i) == '=') {
            i++;
        }
        return i < src.length() && src.charAt(i) == '[' ? i - pos - 1 : -1;
    }

    private void skipLongBracket(int level) {
        String close = "]" + "=".repeat(level) + "]";
        int end = src.indexOf(close, pos + level + 2);
        pos = end < 0 ? src.length() : end + close.length();
    }

    private void skipQuoted(char quote) {
        pos++;
        while (pos < src.length() && src.charAt(pos) != quote) {
            if (src.charAt(pos) == '\\') {
                pos++;
            }
            pos++;
        }
        pos++;
    }
}
