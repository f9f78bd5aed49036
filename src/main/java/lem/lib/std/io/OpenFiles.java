package lem.lib.std.io;

import java.io.IOException;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.HashMap;
import java.util.Map;
import org.luaj.vm2.LuaValue;

/**
 * The files Lua code opened. One whose handle the collector takes is closed, as Lua's __gc
 * closes it: at the next opening, on the loop thread. When the process runs out of file
 * descriptors, a collection makes room before the opening is tried again. Whatever is still
 * open at the end is closed, as C's exit() closes its streams.
 */
final class OpenFiles {
    /** Opens a file or a pipe. */
    @FunctionalInterface
    interface Opener {
        LuaValue open() throws IOException;
    }

    private final ReferenceQueue<LuaValue> collected = new ReferenceQueue<>();
    private final Map<Reference<LuaValue>, LuaFile> files = new HashMap<>();

    /** Watches {@code handle}, the Lua value of the file {@code f}. */
    void track(LuaValue handle, LuaFile f) {
        files.put(new PhantomReference<>(handle, collected), f);
    }

    LuaValue open(Opener opener) throws IOException {
        closeCollected();
        try {
            return opener.open();
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("Too many open files")) {
                throw e;
            }
        }
        System.gc();
        try {
            // the collector queues the dropped handles shortly after it ran
            Reference<?> first = collected.remove(100);
            if (first != null) {
                close(files.remove(first));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeCollected();
        return opener.open();
    }

    void closeAll() {
        files.values().forEach(OpenFiles::close);
        files.clear();
    }

    private void closeCollected() {
        for (Reference<?> r = collected.poll(); r != null; r = collected.poll()) {
            close(files.remove(r));
        }
    }

    private static void close(LuaFile f) {
        if (f != null && !f.isClosed()) {
            try {
                f.close();
            } catch (IOException e) {
                // nobody is left to tell, as with Lua's __gc
            }
        }
    }
}
