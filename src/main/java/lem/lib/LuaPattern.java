package lem.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua 5.2's pattern matcher, on the bytes of a subject and a pattern: one instance matches one
 * pattern against one subject, as often as its caller asks ({@code find}, {@code gmatch}, ...).
 * Positions given and returned are 0-based offsets into the subject.
 *
 * <p>It follows Lua's backtracking matcher exactly, including its corners: reading one byte past
 * the end of the subject or the pattern sees a zero byte (Lua's strings end with one), character
 * classes are those of the C locale, at most 32 captures, and at most 200 nested matching calls
 * ("pattern too complex").
 */
public final class LuaPattern {
    private static final int MAX_CAPTURES = 32;
    /** Lua's MAXCCALLS: how deep matching may nest (each quantified item and capture nests once). */
    private static final int MAX_DEPTH = 200;
    private static final int UNFINISHED = -1;
    private static final int POSITION = -2;
    private static final byte ESCAPE = '%';
    /** The bytes that make a pattern more than plain text (Lua's SPECIALS). */
    private static final String SPECIALS = "^$*+?.([%-";

    private final LuaString subject;
    private final byte[] s;
    private final int sStart;
    private final int sEnd;
    private final byte[] p;
    private final int pStart;
    private final int pEnd;
    private int level;
    private final int[] captureStart = new int[MAX_CAPTURES];
    private final int[] captureLength = new int[MAX_CAPTURES];
    private int depth;

    /** A matcher of {@code pattern} from its byte {@code patternFrom} on (after an anchor) against {@code subject}. */
    public LuaPattern(LuaString subject, LuaString pattern, int patternFrom) {
        this.subject = subject;
        s = subject.m_bytes;
        sStart = subject.m_offset;
        sEnd = sStart + subject.m_length;
        p = pattern.m_bytes;
        pStart = pattern.m_offset + patternFrom;
        pEnd = pattern.m_offset + pattern.m_length;
    }

    /** True when {@code pattern} has none of the magic characters, so find may search it as plain text. */
    public static boolean isPlain(LuaString pattern) {
        for (int i = 0; i < pattern.m_length; i++) {
            if (SPECIALS.indexOf(pattern.m_bytes[pattern.m_offset + i]) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code pattern} starts with the anchor {@code ^}. */
    public static boolean isAnchored(LuaString pattern) {
        return pattern.m_length > 0 && pattern.m_bytes[pattern.m_offset] == '^';
    }

    /** Matches the whole pattern at subject offset {@code from}: the offset where the match ends, or -1. */
    public int matchAt(int from) {
        level = 0;
        depth = MAX_DEPTH;
        int end = match(sStart + from, pStart);
        return end < 0 ? -1 : end - sStart;
    }

    /**
     * Capture {@code i} (0-based) of the last match of {@code [start, end)}: its text, or its position for
     * {@code ()}; with no captures at all, capture 0 is the whole match.
     */
    public LuaValue capture(int i, int start, int end) {
        if (i >= level) {
            if (i != 0) {
                throw new LuaError("invalid capture index");
            }
            return subject.substring(start, end);
        }
        int length = captureLength[i];
        if (length == UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        int at = captureStart[i] - sStart;
        return length == POSITION ? LuaValue.valueOf(at + 1) : subject.substring(at, at + length);
    }

    /** All captures of the last match of {@code [start, end)}, or the whole match when it had none. */
    public Varargs captures(int start, int end) {
        int n = level == 0 ? 1 : level;
        LuaValue[] values = new LuaValue[n];
        for (int i = 0; i < n; i++) {
            values[i] = capture(i, start, end);
        }
        return LuaValue.varargsOf(values);
    }

    /** Only the captures of the last match (none when it had none), as find returns them after the positions. */
    public Varargs capturesOnly() {
        return level == 0 ? LuaValue.NONE : captures(0, 0);
    }

    // ---------------------------------------------------------------- matching

    /** The subject byte at {@code i}, zero at the end (the terminator C's matcher reads). */
    private int subjectAt(int i) {
        return i < sEnd ? s[i] & 0xff : 0;
    }

    /** The pattern byte at {@code i}, zero at the end. */
    private int patternAt(int i) {
        return i < pEnd ? p[i] & 0xff : 0;
    }

    /** Matches pattern from {@code pi} against the subject from {@code si}: where the match ends, or -1. */
    private int match(int si, int pi) {
        if (depth-- == 0) {
            throw new LuaError("pattern too complex");
        }
        try {
            while (pi != pEnd) {
                switch (p[pi]) {
                    case '(':
                        return patternAt(pi + 1) == ')'
                                ? startCapture(si, pi + 2, POSITION)
                                : startCapture(si, pi + 1, UNFINISHED);
                    case ')':
                        return endCapture(si, pi + 1);
                    case '$':
                        if (pi + 1 == pEnd) {
                            return si == sEnd ? si : -1;
                        }
                        break;
                    case ESCAPE:
                        switch (patternAt(pi + 1)) {
                            case 'b':
                                si = matchBalance(si, pi + 2);
                                if (si < 0) {
                                    return -1;
                                }
                                pi += 4;
                                continue;
                            case 'f': {
                                pi += 2;
                                if (patternAt(pi) != '[') {
                                    throw new LuaError("missing '[' after '%f' in pattern");
                                }
                                int next = classEnd(pi);
                                int previous = si == sStart ? 0 : s[si - 1] & 0xff;
                                if (matchBracketClass(previous, pi, next - 1) || !matchBracketClass(subjectAt(si), pi, next - 1)) {
                                    return -1;
                                }
                                pi = next;
                                continue;
                            }
                            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
                                si = matchCapture(si, patternAt(pi + 1));
                                if (si < 0) {
                                    return -1;
                                }
                                pi += 2;
                                continue;
                            default:
                                break;
                        }
                        break;
                    default:
                        break;
                }
                // a single-byte item, with an optional quantifier after it
                int next = classEnd(pi);
                int quantifier = patternAt(next);
                if (!singleMatch(si, pi, next)) {
                    if (quantifier == '*' || quantifier == '?' || quantifier == '-') {
                        pi = next + 1;
                        continue;
                    }
                    return -1;
                }
                switch (quantifier) {
                    case '?': {
                        int end = match(si + 1, next + 1);
                        if (end >= 0) {
                            return end;
                        }
                        pi = next + 1;
                        continue;
                    }
                    case '+':
                        return maxExpand(si + 1, pi, next);
                    case '*':
                        return maxExpand(si, pi, next);
                    case '-':
                        return minExpand(si, pi, next);
                    default:
                        si++;
                        pi = next;
                }
            }
            return si;
        } finally {
            depth++;
        }
    }

    /** The longest run of the item at {@code pi} from {@code si} that lets the rest match, shortest last. */
    private int maxExpand(int si, int pi, int next) {
        int count = 0;
        while (singleMatch(si + count, pi, next)) {
            count++;
        }
        for (; count >= 0; count--) {
            int end = match(si + count, next + 1);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /** The shortest run of the item at {@code pi} from {@code si} that lets the rest match. */
    private int minExpand(int si, int pi, int next) {
        while (true) {
            int end = match(si, next + 1);
            if (end >= 0) {
                return end;
            }
            if (!singleMatch(si, pi, next)) {
                return -1;
            }
            si++;
        }
    }

    private int startCapture(int si, int pi, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        captureStart[level] = si;
        captureLength[level] = what;
        level++;
        int end = match(si, pi);
        if (end < 0) {
            level--;
        }
        return end;
    }

    private int endCapture(int si, int pi) {
        int open = captureToClose();
        captureLength[open] = si - captureStart[open];
        int end = match(si, pi);
        if (end < 0) {
            captureLength[open] = UNFINISHED;
        }
        return end;
    }

    private int captureToClose() {
        for (int i = level - 1; i >= 0; i--) {
            if (captureLength[i] == UNFINISHED) {
                return i;
            }
        }
        throw new LuaError("invalid pattern capture");
    }

    /** {@code %1}..{@code %9}: the same text as that capture again (a position capture never matches). */
    private int matchCapture(int si, int digit) {
        int i = digit - '1';
        if (i < 0 || i >= level || captureLength[i] == UNFINISHED) {
            throw new LuaError("invalid capture index %" + (i + 1));
        }
        int length = captureLength[i];
        if (length == POSITION || sEnd - si < length) {
            return -1;
        }
        int start = captureStart[i];
        for (int k = 0; k < length; k++) {
            if (s[start + k] != s[si + k]) {
                return -1;
            }
        }
        return si + length;
    }

    /** {@code %bxy} with x at {@code pi}: the end of a balanced run from {@code si}, or -1. */
    private int matchBalance(int si, int pi) {
        if (pi >= pEnd - 1) {
            throw new LuaError("malformed pattern (missing arguments to '%b')");
        }
        int open = p[pi] & 0xff;
        int close = p[pi + 1] & 0xff;
        if (subjectAt(si) != open) {
            return -1;
        }
        int nesting = 1;
        while (++si < sEnd) {
            int c = s[si] & 0xff;
            if (c == close) {
                if (--nesting == 0) {
                    return si + 1;
                }
            } else if (c == open) {
                nesting++;
            }
        }
        return -1;
    }

    /** Where the single-byte item starting at {@code pi} ends (a quantifier may follow there). */
    private int classEnd(int pi) {
        int c = p[pi++];
        if (c == ESCAPE) {
            if (pi == pEnd) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return pi + 1;
        }
        if (c == '[') {
            if (patternAt(pi) == '^') {
                pi++;
            }
            do { // the first byte is part of the set even when it is ']'
                if (pi == pEnd) {
                    throw new LuaError("malformed pattern (missing ']')");
                }
                if (p[pi++] == ESCAPE && pi < pEnd) {
                    pi++;
                }
            } while (patternAt(pi) != ']');
            return pi + 1;
        }
        return pi;
    }

    /** Whether the subject byte at {@code si} (none at the end) matches the item {@code [pi, next)}. */
    private boolean singleMatch(int si, int pi, int next) {
        if (si >= sEnd) {
            return false;
        }
        int c = s[si] & 0xff;
        return switch (p[pi]) {
            case '.' -> true;
            case ESCAPE -> CharClass.matches(c, patternAt(pi + 1));
            case '[' -> matchBracketClass(c, pi, next - 1);
            default -> (p[pi] & 0xff) == c;
        };
    }

    /** Whether {@code c} is in the set from {@code [} at {@code pi} to its {@code ]} at {@code last}. */
    private boolean matchBracketClass(int c, int pi, int last) {
        boolean inside = true;
        if (patternAt(pi + 1) == '^') {
            inside = false;
            pi++;
        }
        while (++pi < last) {
            int b = p[pi] & 0xff;
            if (b == ESCAPE) {
                pi++;
                if (CharClass.matches(c, patternAt(pi))) {
                    return inside;
                }
            } else if (patternAt(pi + 1) == '-' && pi + 2 < last) {
                pi += 2;
                if (b <= c && c <= (p[pi] & 0xff)) {
                    return inside;
                }
            } else if (b == c) {
                return inside;
            }
        }
        return !inside;
    }
}
