package lem.lib.http;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code lem.http.core.message(version, status, headers [, body])}: the bytes of an HTTP
 * response, {@code HTTP/<version> <status>}, one line per header and the blank line, then the
 * body chunks; or {@code nil, message} when any part would not read back as what it says
 * (a name that is not a token, a line break in a value: response splitting). Native because it
 * runs for every response and a Lua loop over the headers cost as much as the rest of the server.
 */
final class MessageWriter {
    private static final byte[] HTTP = {'H', 'T', 'T', 'P', '/'};
    private static final byte[] SEPARATOR = {':', ' '};
    private static final byte[] CRLF = {'\r', '\n'};

    private MessageWriter() {
    }

    static Varargs message(Varargs args) {
        LuaValue version = args.arg(1);
        LuaValue status = args.arg(2);
        LuaValue headers = args.arg(3);
        LuaValue body = args.arg(4);
        if (!isVersion(version)) {
            return failure("invalid version '" + show(version) + "'");
        }
        if (!status.isstring() || hasControl(status.strvalue())) {
            return failure("invalid status '" + show(status) + "'");
        }
        if (!headers.istable()) {
            return failure("res.headers is not a table");
        }
        List<LuaString> parts = new ArrayList<>();
        parts.add(version.strvalue());
        parts.add(status.strvalue());
        for (Varargs entry = headers.next(LuaValue.NIL); !entry.arg1().isnil(); entry = headers.next(entry.arg1())) {
            LuaValue name = entry.arg1();
            LuaValue value = entry.arg(2);
            if (!name.isstring() || !isToken(name.strvalue())) {
                return failure("invalid header name '" + show(name) + "'");
            }
            LuaString text = text(value);
            if (text == null || hasControl(text)) {
                return failure("invalid value of header '" + show(name) + "': '" + show(value) + "'");
            }
            parts.add(name.strvalue());
            parts.add(text);
        }
        int headerEnd = parts.size();
        if (!body.isnil()) {
            int n = body.length();
            for (int i = 1; i <= n; i++) {
                LuaValue chunk = body.get(i);
                if (!chunk.isstring()) {
                    return failure("invalid body chunk #" + i + " (a " + chunk.typename() + ")");
                }
                parts.add(chunk.strvalue());
            }
        }
        return write(parts, headerEnd);
    }

    /** HTTP/v status CRLF, name: value CRLF ..., CRLF, chunks. */
    private static LuaString write(List<LuaString> parts, int headerEnd) {
        long size = HTTP.length + 1 + CRLF.length + CRLF.length + (long) (headerEnd - 2) / 2 * (SEPARATOR.length + CRLF.length);
        for (LuaString part : parts) {
            size += part.m_length;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new LuaError("not enough memory", 0);
        }
        byte[] out = new byte[(int) size];
        int at = put(out, 0, HTTP);
        at = put(out, at, parts.get(0));
        out[at++] = ' ';
        at = put(out, at, parts.get(1));
        at = put(out, at, CRLF);
        for (int i = 2; i < headerEnd; i += 2) {
            at = put(out, at, parts.get(i));
            at = put(out, at, SEPARATOR);
            at = put(out, at, parts.get(i + 1));
            at = put(out, at, CRLF);
        }
        at = put(out, at, CRLF);
        for (int i = headerEnd; i < parts.size(); i++) {
            at = put(out, at, parts.get(i));
        }
        return LuaString.valueUsing(out);
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private static int put(byte[] out, int at, LuaString s) {
        System.arraycopy(s.m_bytes, s.m_offset, out, at, s.m_length);
        return at + s.m_length;
    }

    /** A header value as text: strings, numbers (as Lua writes them) and booleans. */
    private static LuaString text(LuaValue value) {
        if (value.isstring()) {
            return value.strvalue();
        }
        return value.isboolean() ? LuaValue.valueOf(value.tojstring()) : null;
    }

    /** digits.digits, as the head grammar reads a version. */
    private static boolean isVersion(LuaValue v) {
        if (!v.isstring()) {
            return false;
        }
        LuaString s = v.strvalue();
        int dot = s.indexOf((byte) '.', 0);
        if (dot < 1 || dot == s.m_length - 1) {
            return false;
        }
        for (int i = 0; i < s.m_length; i++) {
            if (i != dot && HttpChars.of(s.luaByte(i)) != HttpChars.DIGIT) {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(LuaString s) {
        if (s.m_length == 0) {
            return false;
        }
        for (int i = 0; i < s.m_length; i++) {
            if (!HttpChars.isToken(HttpChars.of(s.luaByte(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Control bytes (TAB aside) would end the line early or be refused by the reader. */
    private static boolean hasControl(LuaString s) {
        for (int i = 0; i < s.m_length; i++) {
            if (HttpChars.isControl(HttpChars.of(s.luaByte(i)))) {
                return true;
            }
        }
        return false;
    }

    /** A value for an error message, control bytes as \ddd. */
    private static String show(LuaValue v) {
        String text = v.isstring() ? v.strvalue().tojstring() : v.typename();
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 32 || c == 127) {
                out.append('\\').append((int) c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Varargs failure(String message) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(message));
    }
}
