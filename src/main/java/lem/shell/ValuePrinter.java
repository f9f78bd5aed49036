package lem.shell;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import lem.runtime.debug.ChunkId;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Values as the shell shows them: strings quoted, tables opened up to a depth and a size with
 * cycles marked, functions with where they were defined; ANSI colours on a colour terminal.
 * Tables are read with rawget/next; only a __tostring metamethod is called, as print would.
 */
public final class ValuePrinter {
    private static final int MAX_DEPTH = 3;
    private static final int MAX_ITEMS = 40;
    private static final int LINE_WIDTH = 76;
    private static final LuaValue TOSTRING = LuaValue.valueOf("__tostring");

    private final boolean colour;

    public ValuePrinter(boolean colour) {
        this.colour = colour;
    }

    public String show(Varargs values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= values.narg(); i++) {
            if (i > 1) {
                sb.append('\t');
            }
            sb.append(show(values.arg(i)));
        }
        return sb.toString();
    }

    String show(LuaValue value) {
        return show(value, 0, new IdentityHashMap<>(), "");
    }

    private String show(LuaValue v, int depth, Map<LuaValue, Boolean> open, String indent) {
        switch (v.type()) {
            case LuaValue.TSTRING:
                return paint("32", quote(v.strvalue()));
            case LuaValue.TNUMBER:
                return paint("33", v.tojstring());
            case LuaValue.TBOOLEAN:
            case LuaValue.TNIL:
                return paint("35", v.tojstring());
            case LuaValue.TFUNCTION:
                return paint("36", function(v));
            case LuaValue.TTABLE:
                return table((LuaTable) v, depth, open, indent);
            default:
                return tostring(v);
        }
    }

    private String table(LuaTable t, int depth, Map<LuaValue, Boolean> open, String indent) {
        if (!t.metatag(TOSTRING).isnil()) {
            return tostring(t);
        }
        if (open.containsKey(t)) {
            return paint("2", "<cycle: " + t.tojstring() + ">");
        }
        if (depth >= MAX_DEPTH) {
            return paint("2", "<" + t.tojstring() + ">");
        }
        open.put(t, true);
        List<String> items = new ArrayList<>();
        int n = t.rawlen();
        for (int i = 1; i <= n && items.size() < MAX_ITEMS; i++) {
            items.add(show(t.rawget(i), depth + 1, open, indent + "  "));
        }
        List<LuaValue> keys = new ArrayList<>();
        for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
            LuaValue k = e.arg1();
            if (!(k.isinttype() && k.toint() >= 1 && k.toint() <= n)) {
                keys.add(k);
            }
        }
        keys.sort((a, b) -> a.tojstring().compareTo(b.tojstring()));
        int total = n + keys.size();
        for (LuaValue k : keys) {
            if (items.size() >= MAX_ITEMS) {
                break;
            }
            items.add(key(k, depth, open, indent) + " = " + show(t.rawget(k), depth + 1, open, indent + "  "));
        }
        open.remove(t);
        if (total > items.size()) {
            items.add(paint("2", "... (" + (total - items.size()) + " more)"));
        }
        if (items.isEmpty()) {
            return "{}";
        }
        String oneLine = "{ " + String.join(", ", items) + " }";
        if (visibleLength(oneLine) + indent.length() <= LINE_WIDTH && !oneLine.contains("\n")) {
            return oneLine;
        }
        String inner = indent + "  ";
        return "{\n" + inner + String.join(",\n" + inner, items) + "\n" + indent + "}";
    }

    private String key(LuaValue k, int depth, Map<LuaValue, Boolean> open, String indent) {
        if (k.type() == LuaValue.TSTRING && k.tojstring().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return k.tojstring();
        }
        return "[" + show(k, depth + 1, open, indent) + "]";
    }

    private String function(LuaValue f) {
        if (f instanceof LuaClosure c) {
            String src = c.p.source == null ? "?" : ChunkId.of(c.p.source.tojstring());
            return "function: " + src + ":" + c.p.linedefined;
        }
        return "function: builtin";
    }

    private String tostring(LuaValue v) {
        LuaValue handler = v.metatag(TOSTRING);
        if (!handler.isnil()) {
            try {
                return handler.call(v).tojstring();
            } catch (LuaError e) {
                return v.typename() + " (its __tostring failed: " + e.getMessageObject() + ")";
            }
        }
        return v.tojstring();
    }

    /** A string as Lua source would write it. */
    static String quote(LuaString s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.m_length; i++) {
            int c = s.m_bytes[s.m_offset + i] & 0xff;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 32 || c == 127) {
                        sb.append('\\').append(c);
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        // bytes above 127 are kept as they are: decode them as UTF-8 for the terminal
        String latin = sb.append('"').toString();
        return new String(latin.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    private static int visibleLength(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }
}
