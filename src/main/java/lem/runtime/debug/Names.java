package lem.runtime.debug;

import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/**
 * Names for values in error messages and tracebacks ("local 't'", "global 'f'", "method 'm'"),
 * found the way Lua 5.2 finds them: by reading the function's bytecode backwards from the
 * current instruction to the one that last set the register.
 */
final class Names {
    /** A kind ("local", "global", "field", "upvalue", "constant", "method") and a name. */
    record Name(String kind, String name) {
        String describe() {
            return kind + " '" + name + "'";
        }
    }

    private Names() {
    }

    /** What register {@code reg} holds at {@code lastpc}, or null when nothing sensible is known. */
    static Name objectName(Prototype p, int lastpc, int reg) {
        LuaString local = p.getlocalname(reg + 1, lastpc);
        if (local != null) {
            return new Name("local", local.tojstring());
        }
        int pc = findSetRegister(p, lastpc, reg);
        if (pc == -1) {
            return null;
        }
        int i = p.code[pc];
        switch (Lua.GET_OPCODE(i)) {
            case Lua.OP_MOVE: {
                int b = Lua.GETARG_B(i);
                return b < Lua.GETARG_A(i) ? objectName(p, pc, b) : null;
            }
            case Lua.OP_GETTABUP:
            case Lua.OP_GETTABLE: {
                int t = Lua.GETARG_B(i);
                String table = Lua.GET_OPCODE(i) == Lua.OP_GETTABLE ? localName(p, t, pc) : upvalueName(p, t);
                String key = constantName(p, pc, Lua.GETARG_C(i));
                return new Name("_ENV".equals(table) ? "global" : "field", key);
            }
            case Lua.OP_GETUPVAL:
                return new Name("upvalue", upvalueName(p, Lua.GETARG_B(i)));
            case Lua.OP_LOADK:
            case Lua.OP_LOADKX: {
                int b = Lua.GET_OPCODE(i) == Lua.OP_LOADK ? Lua.GETARG_Bx(i) : Lua.GETARG_Ax(p.code[pc + 1]);
                LuaValue k = p.k[b];
                return k.type() == LuaValue.TSTRING ? new Name("constant", k.tojstring()) : null;
            }
            case Lua.OP_SELF:
                return new Name("method", constantName(p, pc, Lua.GETARG_C(i)));
            default:
                return null;
        }
    }

    /** The name of the function a frame is calling at {@code pc}, from the calling instruction. */
    static Name calledFunctionName(Prototype p, int pc) {
        if (pc < 0 || pc >= p.code.length) {
            return null; // a frame that has not run its first instruction yet calls nothing
        }
        int i = p.code[pc];
        switch (Lua.GET_OPCODE(i)) {
            case Lua.OP_CALL:
            case Lua.OP_TAILCALL:
                return objectName(p, pc, Lua.GETARG_A(i));
            case Lua.OP_TFORCALL:
                return new Name("for iterator", "for iterator");
            case Lua.OP_SELF:
            case Lua.OP_GETTABUP:
            case Lua.OP_GETTABLE:
                return new Name("metamethod", "index");
            case Lua.OP_SETTABUP:
            case Lua.OP_SETTABLE:
                return new Name("metamethod", "newindex");
            case Lua.OP_EQ:
                return new Name("metamethod", "eq");
            case Lua.OP_ADD:
                return new Name("metamethod", "add");
            case Lua.OP_SUB:
                return new Name("metamethod", "sub");
            case Lua.OP_MUL:
                return new Name("metamethod", "mul");
            case Lua.OP_DIV:
                return new Name("metamethod", "div");
            case Lua.OP_MOD:
                return new Name("metamethod", "mod");
            case Lua.OP_POW:
                return new Name("metamethod", "pow");
            case Lua.OP_UNM:
                return new Name("metamethod", "unm");
            case Lua.OP_LEN:
                return new Name("metamethod", "len");
            case Lua.OP_LT:
                return new Name("metamethod", "lt");
            case Lua.OP_LE:
                return new Name("metamethod", "le");
            case Lua.OP_CONCAT:
                return new Name("metamethod", "concat");
            default:
                return null;
        }
    }

    static String upvalueName(Prototype p, int index) {
        if (p.upvalues != null && index < p.upvalues.length && p.upvalues[index].name != null) {
            return p.upvalues[index].name.tojstring();
        }
        return "?";
    }

    private static String localName(Prototype p, int reg, int pc) {
        LuaString name = p.getlocalname(reg + 1, pc);
        return name == null ? null : name.tojstring();
    }

    /** The name of key {@code c}: a string constant, or a register known to hold one. */
    private static String constantName(Prototype p, int pc, int c) {
        if (Lua.ISK(c)) {
            LuaValue k = p.k[Lua.INDEXK(c)];
            if (k.type() == LuaValue.TSTRING) {
                return k.tojstring();
            }
        } else {
            Name name = objectName(p, pc, c);
            if (name != null && name.kind().equals("constant")) {
                return name.name();
            }
        }
        return "?";
    }

    /** The last instruction before {@code lastpc} that changed {@code reg}, or -1 if unsure. */
    private static int findSetRegister(Prototype p, int lastpc, int reg) {
        int setreg = -1;
        int jumpTarget = 0; // code before this address runs only conditionally
        for (int pc = 0; pc < lastpc; pc++) {
            int i = p.code[pc];
            int op = Lua.GET_OPCODE(i);
            int a = Lua.GETARG_A(i);
            boolean changes;
            switch (op) {
                case Lua.OP_LOADNIL:
                    changes = a <= reg && reg <= a + Lua.GETARG_B(i);
                    break;
                case Lua.OP_TFORCALL:
                    changes = reg >= a + 2;
                    break;
                case Lua.OP_CALL:
                case Lua.OP_TAILCALL:
                    changes = reg >= a;
                    break;
                case Lua.OP_JMP: {
                    int dest = pc + 1 + Lua.GETARG_sBx(i);
                    if (pc < dest && dest <= lastpc && dest > jumpTarget) {
                        jumpTarget = dest;
                    }
                    changes = false;
                    break;
                }
                case Lua.OP_TEST:
                    changes = reg == a;
                    break;
                default:
                    changes = setsRegisterA(op) && reg == a;
                    break;
            }
            if (changes) {
                setreg = pc < jumpTarget ? -1 : pc;
            }
        }
        return setreg;
    }

    /** Whether an instruction writes its register A (Lua 5.2's testAMode). */
    private static boolean setsRegisterA(int op) {
        switch (op) {
            case Lua.OP_SETTABUP:
            case Lua.OP_SETUPVAL:
            case Lua.OP_SETTABLE:
            case Lua.OP_JMP:
            case Lua.OP_EQ:
            case Lua.OP_LT:
            case Lua.OP_LE:
            case Lua.OP_TEST:
            case Lua.OP_RETURN:
            case Lua.OP_TFORCALL:
            case Lua.OP_SETLIST:
            case Lua.OP_EXTRAARG:
                return false;
            default:
                return true;
        }
    }
}
