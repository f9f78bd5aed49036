package lem.e2e;

import static lem.e2e.LemProcess.lem;
import static lem.e2e.LemProcess.script;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lem.lfs where a process of its own is needed (reference 9): chdir changes the directory of the
 * whole process, and file locks are seen by other processes. The rest is src/test/lua/lfs.
 */
class LfsIT {
    @TempDir
    Path tmp;

    private static void assertOk(LemProcess.Result r, String... lines) {
        assertEquals(List.of(lines), r.lines(), r::toString);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.stderr(), r::toString);
    }

    @Test
    void chdirMovesTheWholeProcess() throws IOException {
        Path dir = tmp.toRealPath();
        script(dir, "cd.lua", """
                local lfs = require 'lem.lfs'
                local io = require 'lem.io'
                local start = lfs.currentdir()
                print(start == arg[1])
                print(lfs.mkdir('sub'))
                print(lfs.chdir('sub'))
                print(lfs.currentdir() == start .. '/sub')
                local f = assert(io.open('relative.txt', 'w'))
                f:write('written in sub')
                f:close()
                print(lfs.attributes(start .. '/sub/relative.txt', 'size'))
                print(io.popen('pwd -P'):read('*l') == start .. '/sub')
                for name in lfs.dir('.') do if name:sub(1, 1) ~= '.' then print(name) end end
                print(lfs.chdir('..'))
                print(lfs.currentdir() == start)
                """);
        var r = lem("cd.lua", dir.toString()).in(dir).run();
        assertOk(r, "true", "true", "true", "true", "14", "true", "relative.txt", "true", "true");
    }

    @Test
    void locksAreSeenByOtherProcesses() throws IOException {
        Path dir = tmp.toRealPath();
        script(dir, "other.lua", """
                local lfs = require 'lem.lfs'
                local f = assert(require('lem.io').open(arg[1], 'r+'))
                print('other', lfs.lock(f, 'r'))
                print('other', lfs.lock(f, 'w', 0, 1))
                print('other', lfs.lock(f, 'w', 10, 5))
                """);
        script(dir, "holder.lua", """
                local lfs = require 'lem.lfs'
                local io = require 'lem.io'
                local f = assert(io.open(arg[1], 'w'))
                local function other() return io.popen(arg[2] .. ' other.lua ' .. arg[1]):read('*a') end
                print('holder', lfs.lock(f, 'w', 0, 10))
                io.write(other())
                print('holder', lfs.unlock(f, 0, 5))
                io.write(other())
                print('holder', lfs.unlock(f))
                io.write(other())
                """);
        var r = lem("holder.lua", dir.resolve("locked").toString(), LemProcess.program()).in(dir).run();
        String refused = "other\tnil\tResource temporarily unavailable";
        assertOk(r, "holder\ttrue", refused, refused, "other\ttrue",
                "holder\ttrue", refused, "other\ttrue", "other\ttrue",
                "holder\ttrue", "other\ttrue", "other\ttrue", "other\ttrue");
    }
}
