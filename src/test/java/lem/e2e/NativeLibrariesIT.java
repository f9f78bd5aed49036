package lem.e2e;

import static lem.e2e.LemProcess.lem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher loads Netty's native transport from the folder the build unpacked it to. */
class NativeLibrariesIT {
    @Test
    void nettysEpollTransportIsNotCopiedOutOfTheJar(@TempDir Path dir) {
        // Netty copies a library it finds only inside the jar to its work folder, and keeps the
        // copy there until the process ends when told not to delete it at once
        Path work = dir.resolve("work");
        String chunk = "local io, lfs = require 'lem.io', require 'lem.lfs'"
                + " local s = assert(io.unix.listen('" + dir.resolve("socket") + "'))"
                + " local copies = 0"
                + " for name in lfs.dir('" + work + "') do if name:find('netty') then copies = copies + 1 end end"
                + " print('epoll', 'copies ' .. copies) s:close()";
        LemProcess.Result r = lem("-e", chunk)
                .env("LEM_JAVA_OPTS", "-Dio.netty.native.workdir=" + work + " -Dio.netty.native.deleteLibAfterLoading=false")
                .run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("epoll\tcopies 0\n", r.stdout(), r::toString);
    }
}
