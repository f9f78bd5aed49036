package lem.runtime.debug;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;

/**
 * The call levels of a coroutine as Lua numbers them: Lua frames from {@link LuaCallStack}, with a
 * Java function inserted wherever a frame's current instruction calls one. Level 0 is the
 * running Java function (the one asking), level 1 the Lua function that called it, and so on.
 */
final class Levels {
    /** Lua 5.2's LEVELS1 and LEVELS2: how much of a long stack a traceback shows. */
    private static final int FIRST_LEVELS = 12;
    private static final int LAST_LEVELS = 10;

    /** One level: a Lua frame (with its pc at the time) or a Java function. */
    static final class Level {
        final LuaCallStack.Frame frame;
        final LuaValue function;
        final int pc;
        Names.Name name;

        Level(LuaCallStack.Frame frame, LuaValue function, int pc) {
            this.frame = frame;
            this.function = function;
            this.pc = pc;
        }

        boolean isLua() {
            return frame != null;
        }

        Prototype prototype() {
            return frame.closure.p;
        }

        int currentLine() {
            int[] lines = frame.closure.p.lineinfo;
            int at = Math.max(pc, 0); // a call hook runs before the first instruction, reported as at it (Lua 5.2)
            return lines != null && at < lines.length ? lines[at] : -1;
        }
    }

    private Levels() {
    }

    /** The levels of {@code cs}, innermost first; the first is the Java function the top frame calls, if any. */
    static List<Level> of(LuaCallStack cs) {
        List<Level> levels = new ArrayList<>(cs.depth + 4);
        for (int i = cs.depth - 1; i >= 0; i--) {
            LuaCallStack.Frame frame = cs.frames[i];
            LuaValue callee = javaCallee(frame);
            if (callee != null) {
                levels.add(new Level(null, callee, -1));
            }
            levels.add(new Level(frame, frame.closure, frame.pc));
        }
        // each level is named by the instruction of the Lua level that called it
        for (int i = 0; i + 1 < levels.size(); i++) {
            Level caller = levels.get(i + 1);
            if (caller.isLua()) {
                levels.get(i).name = Names.calledFunctionName(caller.prototype(), caller.pc);
            }
        }
        return levels;
    }

    /** The Java function a frame's current instruction is calling, or null. */
    private static LuaValue javaCallee(LuaCallStack.Frame frame) {
        Prototype p = frame.closure.p;
        if (frame.pc < 0 || frame.pc >= p.code.length) {
            return null;
        }
        int i = p.code[frame.pc];
        switch (Lua.GET_OPCODE(i)) {
            case Lua.OP_CALL:
            case Lua.OP_TAILCALL:
            case Lua.OP_TFORCALL: {
                LuaValue f = frame.stack[Lua.GETARG_A(i)];
                return f.isfunction() && !(f instanceof LuaClosure) ? f : null;
            }
            default:
                return null;
        }
    }

    /** "chunk:line: " of {@code level}, or "" for a Java function or a missing level. */
    static String where(List<Level> levels, int index) {
        if (index < 0 || index >= levels.size() || !levels.get(index).isLua()) {
            return "";
        }
        Level level = levels.get(index);
        int line = level.currentLine();
        return line > 0 ? ChunkId.of(source(level.prototype())) + ":" + line + ": " : "";
    }

    static String source(Prototype p) {
        return p.source == null ? "=?" : p.source.tojstring();
    }

    /**
     * "stack traceback:" and one line per level from {@code from}, in Lua 5.2's format.
     * {@code firstLevel} is the Lua level of {@code levels[0]}: 1 for an error's traceback, which
     * Lua makes from inside its message handler (level 0), else 0.
     */
    static String traceback(List<Level> levels, int from, int firstLevel, LuaValue globals) {
        StringBuilder sb = new StringBuilder("stack traceback:");
        // as luaL_traceback: past 22 levels, up to level 11, "...", and the last eleven
        int highest = firstLevel + levels.size() - 1;
        int mark = highest > FIRST_LEVELS + LAST_LEVELS ? FIRST_LEVELS : -1;
        for (int i = Math.max(0, from); i < levels.size(); i++) {
            if (firstLevel + i + 1 == mark) {
                sb.append("\n\t...");
                i = highest - LAST_LEVELS - firstLevel - 1;
                continue;
            }
            Level level = levels.get(i);
            sb.append("\n\t");
            if (level.isLua()) {
                Prototype p = level.prototype();
                sb.append(ChunkId.of(source(p))).append(':');
                if (level.currentLine() > 0) {
                    sb.append(level.currentLine()).append(':');
                }
                sb.append(" in ");
                if (level.name != null) {
                    sb.append("function '").append(level.name.name()).append('\'');
                } else if (p.linedefined == 0) {
                    sb.append("main chunk");
                } else {
                    sb.append("function <").append(ChunkId.of(source(p))).append(':').append(p.linedefined).append('>');
                }
            } else {
                sb.append("[C]: in ");
                String global = level.name == null ? globalName(globals, level.function) : null;
                if (level.name != null) {
                    sb.append("function '").append(level.name.name()).append('\'');
                } else if (global != null) {
                    sb.append("function '").append(global).append('\'');
                } else {
                    sb.append('?');
                }
            }
        }
        return sb.toString();
    }

    /**
     * The name under which the global table holds {@code function}: "print", or "string.rep"
     * one table down (Lua's pushglobalfuncname); null if it is not there.
     */
    static String globalName(LuaValue globals, LuaValue function) {
        if (function == null || !(globals instanceof LuaTable table)) {
            return null;
        }
        String direct = keyOf(table, function);
        if (direct != null) {
            return direct;
        }
        for (Varargs e = table.next(LuaValue.NIL); !e.arg1().isnil(); e = table.next(e.arg1())) {
            if (e.arg(2) instanceof LuaTable inner && inner != table && e.arg1().isstring()) {
                String key = keyOf(inner, function);
                if (key != null) {
                    return e.arg1().tojstring() + "." + key;
                }
            }
        }
        return null;
    }

    private static String keyOf(LuaTable table, LuaValue value) {
        for (Varargs e = table.next(LuaValue.NIL); !e.arg1().isnil(); e = table.next(e.arg1())) {
            if (e.arg(2) == value && e.arg1().isstring()) {
                return e.arg1().tojstring();
            }
        }
        return null;
    }
}
