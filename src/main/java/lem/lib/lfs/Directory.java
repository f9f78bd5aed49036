package lem.lib.lfs;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import lem.lib.posix.PosixError;

/**
 * An open directory of lfs.dir: a DIR handle read one name at a time. When Lua drops the object
 * without closing it, a cleaner closes the handle (LuaJ has no __gc for userdata).
 */
public final class Directory {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The handle, shared with the cleaner, which must not reach the Directory itself. */
    private static final class Handle implements Runnable {
        private MemorySegment dir;

        Handle(MemorySegment dir) {
            this.dir = dir;
        }

        /** Closes the handle once; later calls do nothing. */
        synchronized void close() throws PosixError {
            MemorySegment open = dir;
            dir = null;
            if (open != null) {
                Posix.closedir(open);
            }
        }

        synchronized MemorySegment get() {
            return dir;
        }

        @Override
        public void run() {
            try {
                close();
            } catch (PosixError e) {
                // nobody to tell: the directory was dropped by its user
            }
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    /** A readdir is in flight on the worker pool. */
    private boolean busy;

    public Directory(MemorySegment dir) {
        handle = new Handle(dir);
        cleanable = CLEANER.register(this, handle);
    }

    public boolean isBusy() {
        return busy;
    }

    public void setBusy(boolean busy) {
        this.busy = busy;
    }

    public boolean isClosed() {
        return handle.get() == null;
    }

    /** The next name, or null at the end, where the handle is closed (worker pool). */
    public byte[] next() throws PosixError {
        byte[] name = Posix.readdir(handle.get());
        if (name == null) {
            close();
        }
        return name;
    }

    public void close() throws PosixError {
        try {
            handle.close();
        } finally {
            cleanable.clean(); // the handle is closed: this only unregisters it from the cleaner
        }
    }
}
