package lem.shell;

import java.util.Set;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Lua syntax colours while typing: keywords, strings, numbers, comments. */
final class LuaHighlighter implements Highlighter {
    private static final Set<String> KEYWORDS = Set.of("and", "break", "do", "else", "elseif", "end", "false",
            "for", "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
            "true", "until", "while");
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).faint();

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int i = 0;
        int n = buffer.length();
        while (i < n) {
            char c = buffer.charAt(i);
            int start = i;
            if (buffer.startsWith("--", i)) {
                i = n;
                int newline = buffer.indexOf('\n', start);
                if (newline >= 0) {
                    i = newline;
                }
                out.styled(COMMENT, buffer.substring(start, i));
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && buffer.charAt(i) != c) {
                    i += buffer.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(n, i + 1);
                out.styled(STRING, buffer.substring(start, i));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(buffer.charAt(i)) || buffer.charAt(i) == '.')) {
                    i++;
                }
                out.styled(NUMBER, buffer.substring(start, i));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(buffer.charAt(i)) || buffer.charAt(i) == '_')) {
                    i++;
                }
                String word = buffer.substring(start, i);
                if (KEYWORDS.contains(word)) {
                    out.styled(KEYWORD, word);
                } else {
                    out.append(word);
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toAttributedString();
    }
}
