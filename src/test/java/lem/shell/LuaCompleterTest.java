package lem.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.lib.jse.JsePlatform;

/** What Tab offers, read from the live Lua state. */
class LuaCompleterTest {
    private final Globals globals = JsePlatform.standardGlobals();
    private final LuaCompleter completer = new LuaCompleter(globals, new ShellScope(globals));

    private List<String> complete(String line) {
        return completer.complete(line, line.length()).stream().map(Candidate::value).toList();
    }

    @Test
    void fieldsOfTablesAndGlobals() {
        globals.load("conf = {port = 80, host = 'x', handler = print}").call();
        assertEquals(List.of("conf.handler", "conf.host"), complete("conf.h"));
        assertEquals(List.of("string.format"), complete("x = string.fo"));
    }

    @Test
    void methodsAreTheFunctionsAlongTheIndexChainWithoutMetamethods() {
        globals.load("""
                local Base = {describe = function() end, kind = 'base'}
                Base.__index = Base
                local Obj = setmetatable({greet = function() end, __tostring = function() end}, Base)
                Obj.__index = Obj
                obj = setmetatable({own = function() end, size = 3}, Obj)
                """).call();
        assertEquals(List.of("obj:describe", "obj:greet", "obj:own"), complete("obj:"));
        assertEquals(List.of("obj:__tostring"), complete("obj:__"));
        assertEquals(List.of("obj.own", "obj.size"), complete("obj."));
    }
}
