package lem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Values.copy: kept values share nothing with the registers they came from. */
class ValuesTest {
    @Test
    void aPairOfValuesIsKeptAsItIs() {
        Varargs pair = LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("timeout"));
        assertSame(pair, Values.copy(pair));
    }

    @Test
    void valuesThatViewRegistersAreCopied() {
        LuaValue[] registers = {LuaValue.valueOf(1), LuaValue.valueOf(2), LuaValue.valueOf(3)};
        Varargs view = LuaValue.varargsOf(registers, 0, 3);
        Varargs kept = Values.copy(view);
        registers[0] = registers[1] = registers[2] = LuaValue.NIL;
        assertNotSame(view, kept);
        assertEquals("1 2 3", kept.arg1() + " " + kept.arg(2) + " " + kept.arg(3));
    }
}
