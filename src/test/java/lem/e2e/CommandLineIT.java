package lem.e2e;

import static lem.e2e.LemProcess.lem;
import static lem.e2e.LemProcess.program;
import static lem.e2e.LemProcess.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Options and arguments of the real {@code lem} command, checked against what {@code lua5.2} does. */
class CommandLineIT {
    /** Prints every entry of {@code arg} as {@code key<TAB>value}, keys in ascending order. */
    private static final String DUMP_ARG = """
            local keys = {}
            for k in pairs(arg) do keys[#keys + 1] = k end
            table.sort(keys)
            for _, k in ipairs(keys) do print(k, arg[k]) end
            """;

    /** Prints {@code select('#', ...)} and then every vararg of the main chunk on a line of its own. */
    private static final String DUMP_VARARGS = """
            print(select('#', ...))
            for i = 1, select('#', ...) do print((select(i, ...))) end
            """;

    @TempDir
    Path tmp;

    /** The usage text of lua5.2, with the program name as typed. */
    static String usage(String prog) {
        return "usage: " + prog + " [options] [script [args]]\n"
                + "Available options are:\n"
                + "  -e stat  execute string 'stat'\n"
                + "  -i       enter interactive mode after executing 'script'\n"
                + "  -l name  require library 'name'\n"
                + "  -v       show version information\n"
                + "  -E       ignore environment variables\n"
                + "  --       stop handling options\n"
                + "  -        stop handling options and execute stdin\n";
    }

    // ---- arg and ... ----------------------------------------------------------------------------

    @Test
    void argTableHoldsInterpreterScriptAndArguments() {
        Path s = script(tmp, "args.lua", DUMP_ARG);
        var r = lem(s.toString(), "a", "b c", "").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("-1\t" + program(), "0\t" + s, "1\ta", "2\tb c", "3\t"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void argTableWithoutScriptArguments() {
        Path s = script(tmp, "args.lua", DUMP_ARG);
        var r = LemProcess.run(s.toString());
        assertEquals(List.of("-1\t" + program(), "0\t" + s), r.lines(), r::toString);
    }

    @Test
    void optionsBeforeTheScriptSitAtNegativeIndices() {
        script(tmp, "mymod.lua", "return {}\n");
        Path s = script(tmp, "args.lua", DUMP_ARG);
        var r = lem("-e", "x=1", "-l", "mymod", s.toString(), "p").env("LUA_PATH", tmp + "/?.lua").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("-5\t" + program(), "-4\t-e", "-3\tx=1", "-2\t-l", "-1\tmymod", "0\t" + s, "1\tp"),
                r.lines(), r::toString);
    }

    @Test
    void mainChunkVarargsAreTheScriptArguments() {
        Path s = script(tmp, "va.lua", DUMP_VARARGS);
        var r = lem("-e", "x=1", s.toString(), "one", "", "three four").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("3", "one", "", "three four"), r.lines(), r::toString);
    }

    @Test
    void mainChunkVarargsAreEmptyWithoutArguments() {
        Path s = script(tmp, "va.lua", DUMP_VARARGS);
        var r = LemProcess.run(s.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("0"), r.lines(), r::toString);
    }

    @Test
    void programNameIsTakenAsTyped() {
        Path s = script(tmp, "prog.lua", "print(arg[-1])\n");
        var r = lem(s.toString()).as("./lem").in(LemProcess.root()).run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("./lem"), r.lines(), r::toString);

        var bad = lem("-x").as("./lem").in(LemProcess.root()).run();
        assertEquals(1, bad.exitCode(), bad::toString);
        assertEquals("./lem: unrecognized option '-x'\n" + usage("./lem"), bad.stderr());
    }

    // ---- -e -------------------------------------------------------------------------------------

    @Test
    void severalChunksRunInOrder() {
        var r = LemProcess.run("-e", "io.write('1 ')", "-e", "io.write('2 ')", "-eprint(3)");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("1 2 3\n", r.stdout(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void chunksRunBeforeTheScript() {
        Path s = script(tmp, "s.lua", "print('script', x, ...)\n");
        var r = LemProcess.run("-e", "x = 5", "-e", "print('chunk', x)", s.toString(), "arg1");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("chunk\t5", "script\t5\targ1"), r.lines(), r::toString);
    }

    // ---- -l -------------------------------------------------------------------------------------

    @Test
    void requireOptionSetsTheGlobal() {
        script(tmp, "mymod.lua", "return { n = 42 }\n");
        var r = lem("-l", "mymod", "-e", "print(mymod.n, package.loaded.mymod == mymod)")
                .env("LUA_PATH", tmp + "/?.lua").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("42\ttrue"), r.lines(), r::toString);
    }

    @Test
    void requireAndChunkOptionsRunInCommandLineOrder() {
        script(tmp, "order.lua", "return { saw = seen }\n");
        var r = lem("-e", "seen = 'e1'", "-l", "order", "-e", "seen = 'e2'", "-e", "print(order.saw, seen)")
                .env("LUA_PATH", tmp + "/?.lua").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("e1\te2"), r.lines(), r::toString);
    }

    @Test
    void requireOptionWithAMissingModuleFails() {
        var r = lem("-l", "nosuchmod", "-e", "print('not reached')").env("LUA_PATH", tmp + "/?.lua").run();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        r.assertMessage("module 'nosuchmod' not found");
    }

    // ---- -v -------------------------------------------------------------------------------------

    @Test
    void versionOptionPrintsTheVersion() {
        var r = LemProcess.run("-v");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, r.lines().size(), r::toString);
        assertTrue(r.lines().get(0).startsWith("lem"), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void versionOptionThenChunk() {
        var r = LemProcess.run("-v", "-e", "print('after')");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(2, r.lines().size(), r::toString);
        assertTrue(r.lines().get(0).startsWith("lem"), r::toString);
        assertEquals("after", r.lines().get(1), r::toString);
    }

    @Test
    void versionOptionDoesNotRunStdin() {
        var r = lem("-v").stdin("print('stdin ran')\n").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, r.lines().size(), r::toString);
        assertTrue(r.lines().get(0).startsWith("lem"), r::toString);
    }

    // ---- stdin as the script ------------------------------------------------------------------------

    @Test
    void dashReadsTheScriptFromStdin() {
        var r = lem("-", "p", "q").stdin("print(arg[0], ...)\n").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("-\tp\tq"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void dashAfterOptionsReadsTheScriptFromStdin() {
        var r = lem("-e", "x = 7", "-", "p").stdin("print(x, arg[-1], arg[0], ...)\n").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("7\tx = 7\t-\tp"), r.lines(), r::toString);
    }

    @Test
    void withoutScriptPipedStdinRunsAsTheScript() {
        var r = lem().stdin("#!/usr/bin/env lem\nprint('from stdin', select('#', ...))\n").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("from stdin\t0"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void withoutScriptEmptyStdinDoesNothing() {
        var r = lem().stdin("").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void chunkOptionWithoutScriptDoesNotRunStdin() {
        var r = lem("-e", "print('chunk')").stdin("print('stdin ran')\n").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("chunk"), r.lines(), r::toString);
    }

    @Test
    void requireOptionWithoutScriptStillRunsStdin() {
        script(tmp, "mymod.lua", "return { n = 42 }\n");
        var r = lem("-l", "mymod").env("LUA_PATH", tmp + "/?.lua").stdin("print('stdin', mymod.n)\n").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("stdin\t42"), r.lines(), r::toString);
    }

    // ---- -- and #! --------------------------------------------------------------------------------

    @Test
    void doubleDashStopsOptions() {
        Path s = script(tmp, "s.lua", "print(arg[-2] == " + luaString(program()) + ", arg[-1], arg[0] == "
                + luaString(tmp.resolve("s.lua").toString()) + ", ...)\n");
        var r = LemProcess.run("--", s.toString(), "-e", "z");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("true\t--\ttrue\t-e\tz"), r.lines(), r::toString);
    }

    @Test
    void doubleDashLetsAScriptNameStartWithDash() {
        script(tmp, "-x.lua", "print('dash script', ...)\n");
        var r = lem("--", "-x.lua", "-v").in(tmp).run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("dash script\t-v"), r.lines(), r::toString);
    }

    @Test
    void shebangLineIsSkippedAndLinesKeepTheirNumbers() {
        Path s = script(tmp, "sh.lua", "#!/usr/bin/env lem -x\nprint('line', debug.getinfo(1, 'l').currentline)\n");
        var r = LemProcess.run(s.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("line\t2"), r.lines(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    // ---- LUA_INIT and -E -----------------------------------------------------------------------------

    @Test
    void luaInitChunkRunsFirst() {
        Path s = script(tmp, "s.lua", "print('script', init)\n");
        var r = lem("-e", "print('chunk', init)", s.toString()).env("LUA_INIT", "init = 'yes' print('init')").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("init", "chunk\tyes", "script\tyes"), r.lines(), r::toString);
    }

    @Test
    void luaInitFileRunsFirst() {
        Path init = script(tmp, "init.lua", "print('init file') init = 'file'\n");
        var r = lem("-e", "print('chunk', init)").env("LUA_INIT", "@" + init).run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("init file", "chunk\tfile"), r.lines(), r::toString);
    }

    @Test
    void luaInit52TakesPrecedence() {
        var r = lem("-e", "print('chunk')").env("LUA_INIT", "print('plain')").env("LUA_INIT_5_2", "print('5.2')").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("5.2", "chunk"), r.lines(), r::toString);
    }

    @Test
    void luaInitErrorIsFatal() {
        Path s = script(tmp, "s.lua", "print('script ran')\n");
        var r = lem(s.toString()).env("LUA_INIT", "error('initboom')").run();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        r.assertMessage("initboom");
    }

    @Test
    void ignoreEnvironmentSkipsLuaInit() {
        Path init = script(tmp, "init.lua", "print('init file')\n");
        Path s = script(tmp, "s.lua", "print('script', init)\n");
        var chunk = lem("-E", s.toString()).env("LUA_INIT", "init = 1 print('init')").run();
        assertEquals(0, chunk.exitCode(), chunk::toString);
        assertEquals(List.of("script\tnil"), chunk.lines(), chunk::toString);

        var file = lem("-E", s.toString()).env("LUA_INIT", "@" + init).run();
        assertEquals(List.of("script\tnil"), file.lines(), file::toString);

        var v52 = lem("-E", s.toString()).env("LUA_INIT_5_2", "init = 2 print('init')").run();
        assertEquals(List.of("script\tnil"), v52.lines(), v52::toString);
    }

    @Test
    void ignoreEnvironmentSkipsLuaPath() throws IOException {
        Path mods = Files.createDirectory(tmp.resolve("mods"));
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        script(mods, "envmod.lua", "return { n = 1 }\n");
        var found = lem("-l", "envmod", "-e", "print(envmod.n)").env("LUA_PATH", mods + "/?.lua").in(elsewhere).run();
        assertEquals(0, found.exitCode(), found::toString);
        assertEquals(List.of("1"), found.lines(), found::toString);

        var ignored = lem("-E", "-l", "envmod", "-e", "print(envmod.n)").env("LUA_PATH", mods + "/?.lua").in(elsewhere)
                .run();
        assertEquals(1, ignored.exitCode(), ignored::toString);
        assertEquals("", ignored.stdout(), ignored::toString);
        ignored.assertMessage("module 'envmod' not found");
    }

    // ---- bad command lines ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"-x", "--foo", "-vx", "-ix", "-Z"})
    void unknownOptionPrintsUsage(String option) {
        Path s = script(tmp, "s.lua", "print('script ran')\n");
        var r = LemProcess.run(option, s.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        assertEquals(program() + ": unrecognized option '" + option + "'\n" + usage(program()), r.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-e", "-l"})
    void optionWithoutArgumentPrintsUsage(String option) {
        var r = LemProcess.run(option);
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        assertEquals(program() + ": '" + option + "' needs argument\n" + usage(program()), r.stderr());
    }

    @Test
    void optionFollowedByAnotherOptionNeedsArgument() {
        var r = LemProcess.run("-e", "-v");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.stdout(), r::toString);
        assertEquals(program() + ": '-e' needs argument\n" + usage(program()), r.stderr());
        assertFalse(r.stdout().startsWith("lem"), r::toString);
    }

    private static String luaString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
