package lem.lib;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import lem.lib.io.LuaFile;
import lem.lib.lfs.Directory;
import lem.lib.lfs.Posix;
import lem.lib.posix.PosixError;
import lem.lib.posix.Stat;
import lem.runtime.Loop;
import lem.runtime.Task;
import lem.runtime.Wait;
import lem.runtime.WorkerPool;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaInteger;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code lem.lfs}: LuaFileSystem's functions on lem's loop. The C library calls run on the worker
 * pool (the calling task waits) but for currentdir, setmode and a directory's close; failures
 * come back as {@code nil, strerror}, and only wrong arguments raise.
 */
public final class LfsLib {
    private static final String[] FIELDS = {"dev", "ino", "mode", "permissions", "nlink", "uid", "gid", "rdev", "size",
            "blksize", "blocks", "access", "modification", "change"};
    private static final String[] FIELD_OPTIONS = withAll(FIELDS);
    /** mkdir's mode before the umask, as the C version has it. */
    private static final int DIRECTORY_MODE = 0775;
    private static final LuaString CLOSED = LuaValue.valueOf("closed");
    private static final LuaString BUSY = LuaValue.valueOf("busy");
    /** What lock_dir's symbolic link points to. */
    private static final byte[] LOCK_TARGET = "lock".getBytes(StandardCharsets.US_ASCII);

    /** stat or lstat. */
    private interface StatCall {
        Stat stat(byte[] path) throws PosixError;
    }

    /** A C library call whose success has nothing to say. */
    private interface Action {
        void run() throws PosixError;
    }

    /** A wait on the worker pool; when the task cannot wait after all, the job's result is dropped. */
    private static final class PoolWait extends Wait {
        private final String what;
        private boolean cancelled;

        PoolWait(String what) {
            this.what = what;
        }

        @Override
        public String describe() {
            return what + " (worker pool)";
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final Loop loop;
    private final WorkerPool pool;
    private final LuaTable directoryMeta = new LuaTable();
    private final LuaTable lockMeta = new LuaTable();

    public LfsLib(Loop loop, WorkerPool pool) {
        this.loop = loop;
        this.pool = pool;
        requireNativeCalls();
        directoryMeta.set("__index", directoryMeta);
        directoryMeta.set("next", new LemFunction("next") {
            @Override
            public Varargs invoke(Varargs args) {
                return nextName(checkUserdata(args, 1, Directory.class, "directory"));
            }
        });
        directoryMeta.set("close", new LemFunction("close") {
            @Override
            public Varargs invoke(Varargs args) {
                return closeDirectory(checkUserdata(args, 1, Directory.class, "directory"));
            }
        });
        lockMeta.set("__index", lockMeta);
        lockMeta.set("free", new LemFunction("free") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue filename = args.arg1().istable() ? args.arg1().get("filename") : NIL;
                if (!filename.isstring()) {
                    throw typeError(args, 1, "lock");
                }
                byte[] path = bytes(filename.strvalue());
                return done("remove", path, () -> Posix.unlink(path));
            }
        });
    }

    public LuaTable module() {
        LuaTable m = new LuaTable();
        m.set("attributes", attributes("attributes", Posix::stat));
        m.set("symlinkattributes", attributes("symlinkattributes", Posix::lstat));
        m.set("chdir", new LemFunction("chdir") {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] path = path(this, args, 1);
                return done("chdir", path, () -> Posix.chdir(path));
            }
        });
        m.set("currentdir", new LemFunction("currentdir") {
            @Override
            public Varargs invoke(Varargs args) {
                try {
                    return LuaString.valueUsing(Posix.getcwd());
                } catch (PosixError e) {
                    return failure(e.getMessage());
                }
            }
        });
        m.set("mkdir", new LemFunction("mkdir") {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] path = path(this, args, 1);
                return done("mkdir", path, () -> Posix.mkdir(path, DIRECTORY_MODE));
            }
        });
        m.set("rmdir", new LemFunction("rmdir") {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] path = path(this, args, 1);
                return done("rmdir", path, () -> Posix.rmdir(path));
            }
        });
        m.set("remove", new LemFunction("remove") {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] path = path(this, args, 1);
                return done("remove", path, () -> Posix.unlink(path));
            }
        });
        m.set("rename", new LemFunction("rename") {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] from = path(this, args, 1);
                byte[] to = path(this, args, 2);
                return done("rename", from, () -> Posix.rename(from, to));
            }
        });
        m.set("link", new LemFunction("link") {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] target = path(this, args, 1);
                byte[] path = path(this, args, 2);
                boolean symbolic = args.arg(3).toboolean();
                return done("link", path, symbolic ? () -> Posix.symlink(target, path) : () -> Posix.link(target, path));
            }
        });
        m.set("touch", new LemFunction("touch") {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] path = path(this, args, 1);
                long[] times = null; // now
                if (args.narg() >= 2) {
                    double access = args.isnil(2) ? 0 : checkNumber(args, 2);
                    double modification = args.isnil(3) ? access : checkNumber(args, 3);
                    times = new long[] {toInteger(access), toInteger(modification)};
                }
                long[] chosen = times;
                return done("touch", path, () -> Posix.utime(path, chosen));
            }
        });
        LuaValue next = directoryMeta.get("next");
        m.set("dir", new LemFunction("dir") {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] path = path(this, args, 1);
                return blocking("opendir " + show(path), () -> new Directory(Posix.opendir(path)),
                        directory -> varargsOf(next, new LuaUserdata(directory, directoryMeta)));
            }
        });
        m.set("lock", new LemFunction("lock") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaFile file = checkUserdata(args, 1, LuaFile.class, "file");
                String mode = checkOption(args, 2, null, "r", "w", "u");
                return file.lock(mode, optInteger(args, 3, 0), optInteger(args, 4, 0));
            }
        });
        m.set("unlock", new LemFunction("unlock") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaFile file = checkUserdata(args, 1, LuaFile.class, "file");
                return file.lock("u", optInteger(args, 2, 0), optInteger(args, 3, 0));
            }
        });
        m.set("setmode", new LemFunction("setmode") {
            @Override
            public Varargs invoke(Varargs args) {
                return valueOf("binary");
            }
        });
        m.set("lock_dir", new LemFunction("lock_dir") {
            @Override
            public Varargs invoke(Varargs args) {
                LuaString filename = checkString(args, 1).concat(valueOf("/lockfile.lfs")).strvalue();
                byte[] path = bytes(filename);
                return blocking("lock_dir " + show(path), () -> {
                    Posix.symlink(LOCK_TARGET, path);
                    return path;
                }, created -> {
                    LuaTable lock = new LuaTable();
                    lock.set("filename", filename);
                    lock.setmetatable(lockMeta);
                    return lock;
                });
            }
        });
        return m;
    }

    /** Fails the require of lem.lfs, rather than a call later, where the C library calls cannot work. */
    private static void requireNativeCalls() {
        String problem;
        try {
            problem = Posix.unavailable();
        } catch (ExceptionInInitializerError e) {
            problem = e.getCause().getMessage();
        }
        if (problem != null) {
            throw new LuaError(problem);
        }
    }

    private LemFunction attributes(String name, StatCall call) {
        return new LemFunction(name) {
            @Override
            public Varargs invoke(Varargs args) {
                byte[] path = path(this, args, 1);
                String field = checkOption(args, 2, "*", FIELD_OPTIONS);
                return blocking(name + " " + show(path), () -> call.stat(path),
                        stat -> field.equals("*") ? table(stat) : field(stat, field));
            }
        };
    }

    private static LuaTable table(Stat stat) {
        LuaTable t = new LuaTable();
        for (String name : FIELDS) {
            t.set(name, field(stat, name));
        }
        return t;
    }

    private static LuaValue field(Stat stat, String name) {
        return switch (name) {
            case "dev" -> LuaInteger.valueOf(stat.dev());
            case "ino" -> LuaInteger.valueOf(stat.ino());
            case "mode" -> LuaValue.valueOf(stat.type());
            case "permissions" -> LuaValue.valueOf(stat.permissions());
            case "nlink" -> LuaInteger.valueOf(stat.nlink());
            case "uid" -> LuaInteger.valueOf(stat.uid());
            case "gid" -> LuaInteger.valueOf(stat.gid());
            case "rdev" -> LuaInteger.valueOf(stat.rdev());
            case "size" -> LuaInteger.valueOf(stat.size());
            case "blksize" -> LuaInteger.valueOf(stat.blksize());
            case "blocks" -> LuaInteger.valueOf(stat.blocks());
            case "access" -> LuaInteger.valueOf(stat.atime());
            case "modification" -> LuaInteger.valueOf(stat.mtime());
            case "change" -> LuaInteger.valueOf(stat.ctime());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Varargs nextName(Directory directory) {
        if (directory.isClosed()) {
            return failure(CLOSED);
        }
        if (directory.isBusy()) {
            return failure(BUSY);
        }
        directory.setBusy(true);
        try {
            return blocking("readdir", directory::next, name -> name == null ? LuaValue.NIL : LuaString.valueUsing(name));
        } finally {
            directory.setBusy(false);
        }
    }

    private static Varargs closeDirectory(Directory directory) {
        if (directory.isClosed()) {
            return failure(CLOSED);
        }
        if (directory.isBusy()) {
            return failure(BUSY);
        }
        try {
            directory.close();
            return LuaValue.TRUE;
        } catch (PosixError e) {
            return failure(e.getMessage());
        }
    }

    /**
     * Runs {@code job} on the worker pool while the calling task waits; returns what the job
     * returned, or {@code nil, message} when it failed.
     */
    private <T> Varargs blocking(String what, WorkerPool.Job<T> job, Function<T, Varargs> results) {
        Task task = loop.current();
        PoolWait wait = new PoolWait(what);
        pool.submit(job, (result, failure) -> {
            if (!wait.cancelled) {
                loop.wake(task, failure == null ? results.apply(result)
                        : failure(failure instanceof PosixError ? failure.getMessage() : failure.toString()));
            }
        });
        return loop.await(wait);
    }

    /** {@link #blocking} for a call that returns true when it succeeds. */
    private Varargs done(String what, byte[] path, Action action) {
        return blocking(what + " " + show(path), () -> {
            action.run();
            return path;
        }, finished -> LuaValue.TRUE);
    }

    private static byte[] path(LemFunction f, Varargs args, int arg) {
        return bytes(f.checkString(args, arg));
    }

    private static byte[] bytes(LuaString s) {
        byte[] b = new byte[s.m_length];
        s.copyInto(0, b, 0, b.length);
        return b;
    }

    /** A path for the shell's list of waits. */
    private static String show(byte[] path) {
        return new String(path, StandardCharsets.UTF_8);
    }

    private static Varargs failure(String message) {
        return failure(LuaValue.valueOf(message));
    }

    private static Varargs failure(LuaString message) {
        return LuaValue.varargsOf(LuaValue.NIL, message);
    }

    private static String[] withAll(String[] fields) {
        String[] options = java.util.Arrays.copyOf(fields, fields.length + 1);
        options[fields.length] = "*";
        return options;
    }
}
