package lem.shell;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Tab completion from the live Lua state: globals and the shell's locals, table fields,
 * {@code obj:method} through metatables whose __index is a table, module names inside
 * {@code require '...'}, file names inside other strings. Tables are read with rawget and next
 * only: completing never runs user code (no __index functions, no __pairs).
 */
final class LuaCompleter {
    private static final Pattern REQUIRE = Pattern.compile("require\\s*\\(?\\s*['\"]([\\w.]*)$");
    private static final Pattern STRING = Pattern.compile("['\"]([^'\"]*)$");
    private static final Pattern PATH = Pattern.compile("([A-Za-z_][\\w]*(?:[.:][A-Za-z_][\\w]*)*)?([.:]?)([A-Za-z_][\\w]*)?$");
    private static final LuaValue INDEX = LuaValue.valueOf("__index");
    private static final String[] LEM_MODULES = {"lem.utils", "lem.io", "lem.io.queue", "lem.queue", "lem.parsers",
        "lem.lfs", "lem.signal", "lem.http", "lem.http.server", "lem.http.client", "lem.http.response",
        "lem.hathaway", "lem.repl"};

    private final Globals globals;
    private final ShellScope scope;

    LuaCompleter(Globals globals, ShellScope scope) {
        this.globals = globals;
        this.scope = scope;
    }

    List<Candidate> complete(String line, int cursor) {
        String before = line.substring(0, cursor);
        int wordStart = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
        String word = before.substring(wordStart);
        Matcher m = REQUIRE.matcher(before);
        if (m.find()) {
            return modules(word, m.group(1));
        }
        m = STRING.matcher(before);
        if (m.find() && insideString(before)) {
            return files(word, m.group(1));
        }
        m = PATH.matcher(word);
        if (!m.find()) {
            return List.of();
        }
        String head = word.substring(0, m.start());
        String path = m.group(1) == null ? "" : m.group(1);
        String separator = m.group(2);
        String partial = m.group(3) == null ? "" : m.group(3);
        if (separator.isEmpty() && !path.isEmpty()) {
            // "string.fo": the last name is the part being completed
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf(':'));
            partial = path.substring(cut + 1);
            separator = cut >= 0 ? String.valueOf(path.charAt(cut)) : "";
            path = cut >= 0 ? path.substring(0, cut) : "";
        }
        List<Candidate> out = new ArrayList<>();
        String prefix = head + path + separator;
        boolean metamethods = partial.startsWith("__");
        for (String key : keysFor(path, separator)) {
            // obj:__index, obj:__gc, ... are not methods to call, unless the user asks for them
            if (key.startsWith(partial) && (metamethods || !separator.equals(":") || !key.startsWith("__"))) {
                out.add(new Candidate(prefix + key, key, null, null, null, null, true));
            }
        }
        return out;
    }

    private static boolean insideString(String before) {
        int quotes = 0;
        for (char c : before.toCharArray()) {
            if (c == '\'' || c == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /** The names to offer after {@code path} and a separator ("" for top level names). */
    private TreeSet<String> keysFor(String path, String separator) {
        TreeSet<String> keys = new TreeSet<>();
        if (path.isEmpty()) {
            addStringKeys(keys, scope.locals());
            addStringKeys(keys, globals);
            return keys;
        }
        LuaValue value = lookup(path);
        if (separator.equals(":")) {
            addMethods(keys, value, 0);
        } else if (value instanceof LuaTable t) {
            addStringKeys(keys, t);
        }
        return keys;
    }

    /** Follows a dotted path with rawget from the shell's scope; nil if any step is not a table. */
    private LuaValue lookup(String path) {
        String[] parts = path.split("[.:]");
        LuaValue v = scope.locals().rawget(parts[0]);
        if (v.isnil()) {
            v = globals.rawget(parts[0]);
        }
        for (int i = 1; i < parts.length && !v.isnil(); i++) {
            v = v instanceof LuaTable t ? t.rawget(parts[i]) : LuaValue.NIL;
        }
        return v;
    }

    /** The names {@code value:name()} can call: functions in the value and along its __index tables. */
    private void addMethods(TreeSet<String> keys, LuaValue value, int depth) {
        if (depth > 4 || value.isnil()) {
            return;
        }
        if (value instanceof LuaTable t && depth == 0) {
            addStringKeys(keys, t, true);
        }
        LuaValue meta = value.getmetatable();
        if (meta instanceof LuaTable mt) {
            LuaValue index = mt.rawget(INDEX);
            if (index instanceof LuaTable it) {
                addStringKeys(keys, it, true);
                addMethods(keys, it, depth + 1);
            }
        }
    }

    private static void addStringKeys(TreeSet<String> keys, LuaTable t) {
        addStringKeys(keys, t, false);
    }

    private static void addStringKeys(TreeSet<String> keys, LuaTable t, boolean functionsOnly) {
        for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
            if (e.arg1().type() == LuaValue.TSTRING && (!functionsOnly || e.arg(2).isfunction())) {
                keys.add(e.arg1().tojstring());
            }
        }
    }

    private List<Candidate> modules(String word, String partial) {
        TreeSet<String> names = new TreeSet<>(List.of(LEM_MODULES));
        LuaValue loaded = globals.get("package").get("loaded");
        if (loaded instanceof LuaTable t) {
            addStringKeys(names, t);
        }
        String head = word.substring(0, word.length() - partial.length());
        List<Candidate> out = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(partial)) {
                out.add(new Candidate(head + name, name, null, null, null, null, false));
            }
        }
        return out;
    }

    private static List<Candidate> files(String word, String partial) {
        int slash = partial.lastIndexOf('/');
        String dir = slash >= 0 ? partial.substring(0, slash + 1) : "";
        String prefix = partial.substring(slash + 1);
        File[] entries = new File(dir.isEmpty() ? "." : dir).listFiles();
        List<Candidate> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        String head = word.substring(0, word.length() - partial.length());
        for (File f : entries) {
            if (f.getName().startsWith(prefix)) {
                String name = dir + f.getName() + (f.isDirectory() ? "/" : "");
                out.add(new Candidate(head + name, f.getName(), null, null, null, null, !f.isDirectory()));
            }
        }
        return out;
    }
}
