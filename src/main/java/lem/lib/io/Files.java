package lem.lib.io;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import lem.runtime.Loop;
import lem.runtime.WorkerPool;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** io.open and io.streamfile: the opening happens on the worker pool (a FIFO may block there). */
final class Files {
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFBLK = 0060000;

    /** An io.open mode: read and write access, and how the file is created. */
    record Mode(boolean read, boolean write, boolean append, boolean truncate, boolean create, boolean exclusive) {
    }

    private final Loop loop;
    private final WorkerPool pool;
    private final Function<LuaFile, LuaValue> files;
    private final Function<Stream, LuaValue> streams;

    Files(Loop loop, WorkerPool pool, Function<LuaFile, LuaValue> files, Function<Stream, LuaValue> streams) {
        this.loop = loop;
        this.pool = pool;
        this.files = files;
        this.streams = streams;
    }

    /** r, w or a, then any of '+' (read and write), 'b' (ignored), 'x' (create exclusively). */
    static Mode parseMode(String mode) {
        if (mode.isEmpty() || "rwa".indexOf(mode.charAt(0)) < 0) {
            throw new LuaError("invalid mode string");
        }
        boolean plus = false;
        boolean exclusive = false;
        for (char c : mode.substring(1).toCharArray()) {
            switch (c) {
                case '+' -> plus = true;
                case 'b' -> { }
                case 'x' -> exclusive = true;
                default -> throw new LuaError("invalid mode string");
            }
        }
        char kind = mode.charAt(0);
        return new Mode(kind == 'r' || plus, kind != 'r' || plus, kind == 'a', kind == 'w', kind != 'r', exclusive);
    }

    /** Permissions are octal written as a decimal number of up to three digits (644), or -1. */
    static boolean validPermissions(double perm) {
        if (perm == -1) {
            return true;
        }
        if (perm != Math.floor(perm) || perm < 0 || perm > 777) {
            return false;
        }
        for (int p = (int) perm; p > 0; p /= 10) {
            if (p % 10 > 7) {
                return false;
            }
        }
        return true;
    }

    Varargs open(String name, Mode mode, int perm) {
        Object opened = PoolCall.await(loop, pool, "open " + name, () -> openNow(Path.of(name), mode, perm));
        if (opened instanceof LuaFile file) {
            return files.apply(file);
        }
        if (opened instanceof Stream stream) {
            return streams.apply(stream);
        }
        return failure((String) opened);
    }

    /** A Stream of a file's contents, then 'closed'. */
    Varargs streamFile(String name) {
        Object opened = PoolCall.await(loop, pool, "open " + name, () -> new PipeStream(loop, name, new FileInputStream(name), null, false));
        return opened instanceof Stream stream ? streams.apply(stream) : failure((String) opened);
    }

    private Object openNow(Path path, Mode mode, int perm) throws IOException {
        int type = fileType(path);
        if (type == S_IFCHR || type == S_IFIFO) {
            return new PipeStream(loop, path.toString(),
                    mode.read() ? new FileInputStream(path.toFile()) : null,
                    mode.write() ? new FileOutputStream(path.toFile(), mode.append()) : null, false);
        }
        if (type != 0 && type != S_IFREG && type != S_IFBLK) {
            return "Invalid argument";
        }
        Set<OpenOption> options = new HashSet<>();
        if (mode.read()) {
            options.add(StandardOpenOption.READ);
        }
        if (mode.write()) {
            options.add(StandardOpenOption.WRITE);
        }
        if (mode.truncate()) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if (mode.create()) {
            options.add(mode.exclusive() ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        FileChannel channel = FileChannel.open(path, options, permissions(perm));
        if (mode.append()) {
            channel.position(channel.size());
        }
        return new LuaFile(loop, pool, channel, path.toString(), mode.append());
    }

    /** The S_IFMT bits of the file, 0 when it does not exist. */
    private static int fileType(Path path) throws IOException {
        try {
            return ((Integer) java.nio.file.Files.getAttribute(path, "unix:mode")) & S_IFMT;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static FileAttribute<?>[] permissions(int perm) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissionSet(perm))};
    }

    /** The permissions of a decimal-written octal number such as 644 (-1: 666). */
    static Set<PosixFilePermission> permissionSet(int perm) {
        int bits = perm == -1 ? 0666 : Integer.parseInt(Integer.toString(perm), 8);
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((bits & (1 << (8 - i))) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    private static Varargs failure(String message) {
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(message));
    }
}
