package lem.lib.lfs;

import static lem.lib.posix.Libc.cString;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import lem.lib.posix.Libc;
import lem.lib.posix.PosixError;
import lem.lib.posix.Stat;

/**
 * The C library calls behind lem.lfs, made through the JDK's foreign function API so that lem
 * does what the C version does (a real chdir, every field of stat, readdir with "." and "..")
 * and fails with the host's own strerror text. Paths and names are the bytes of Lua strings,
 * unconverted. The calls block: lem.lfs makes them on the worker pool, but getcwd and closedir.
 * The calls go through {@link Libc}; readdir's entry is read with a restricted method.
 */
@SuppressWarnings("restricted")
public final class Posix {
    private static final ValueLayout INT = ValueLayout.JAVA_INT;
    private static final ValueLayout LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout POINTER = ValueLayout.ADDRESS;
    private static final int ERANGE = 34;
    /** Offset of d_name in glibc's struct dirent on 64-bit Linux; a name has at most 255 bytes. */
    private static final long DIRENT_NAME = 19;
    private static final long NAME_MAX = 256;

    private static final MethodHandle STAT = Libc.function("stat", INT, POINTER, POINTER);
    private static final MethodHandle LSTAT = Libc.function("lstat", INT, POINTER, POINTER);
    private static final MethodHandle CHDIR = Libc.function("chdir", INT, POINTER);
    private static final MethodHandle GETCWD = Libc.function("getcwd", POINTER, POINTER, LONG);
    private static final MethodHandle MKDIR = Libc.function("mkdir", INT, POINTER, INT);
    private static final MethodHandle RMDIR = Libc.function("rmdir", INT, POINTER);
    private static final MethodHandle UNLINK = Libc.function("unlink", INT, POINTER);
    private static final MethodHandle RENAME = Libc.function("rename", INT, POINTER, POINTER);
    private static final MethodHandle LINK = Libc.function("link", INT, POINTER, POINTER);
    private static final MethodHandle SYMLINK = Libc.function("symlink", INT, POINTER, POINTER);
    private static final MethodHandle UTIME = Libc.function("utime", INT, POINTER, POINTER);
    private static final MethodHandle OPENDIR = Libc.function("opendir", POINTER, POINTER);
    private static final MethodHandle READDIR = Libc.function("readdir", POINTER, POINTER);
    private static final MethodHandle CLOSEDIR = Libc.function("closedir", INT, POINTER);
    private Posix() {
    }

    /**
     * Why lem.lfs cannot work here (a C function missing, struct stat unknown), or null. Calling
     * it loads this class, which looks every function up.
     */
    public static String unavailable() {
        return Stat.unknownPlatform();
    }

    public static Stat stat(byte[] path) throws PosixError {
        return statWith(STAT, path);
    }

    public static Stat lstat(byte[] path) throws PosixError {
        return statWith(LSTAT, path);
    }

    public static void chdir(byte[] path) throws PosixError {
        Libc.run((arena, state) -> (int) CHDIR.invokeExact(state, cString(arena, path)));
    }

    /** The current directory; the buffer grows until the path fits. */
    public static byte[] getcwd() throws PosixError {
        for (long size = 4096; ; size *= 2) {
            long bytes = size;
            try {
                return Libc.call((arena, state) -> {
                    MemorySegment buffer = arena.allocate(bytes);
                    MemorySegment found = (MemorySegment) GETCWD.invokeExact(state, buffer, bytes);
                    return found.equals(MemorySegment.NULL) ? null : bytesUntilNul(buffer, bytes);
                }, result -> result == null);
            } catch (PosixError e) {
                if (e.errno() != ERANGE) {
                    throw e;
                }
            }
        }
    }

    public static void mkdir(byte[] path, int mode) throws PosixError {
        Libc.run((arena, state) -> (int) MKDIR.invokeExact(state, cString(arena, path), mode));
    }

    public static void rmdir(byte[] path) throws PosixError {
        Libc.run((arena, state) -> (int) RMDIR.invokeExact(state, cString(arena, path)));
    }

    public static void unlink(byte[] path) throws PosixError {
        Libc.run((arena, state) -> (int) UNLINK.invokeExact(state, cString(arena, path)));
    }

    public static void rename(byte[] from, byte[] to) throws PosixError {
        Libc.run((arena, state) -> (int) RENAME.invokeExact(state, cString(arena, from), cString(arena, to)));
    }

    /** A hard link {@code path} to {@code target}. */
    public static void link(byte[] target, byte[] path) throws PosixError {
        Libc.run((arena, state) -> (int) LINK.invokeExact(state, cString(arena, target), cString(arena, path)));
    }

    /** A symbolic link {@code path} whose text is {@code target}. */
    public static void symlink(byte[] target, byte[] path) throws PosixError {
        Libc.run((arena, state) -> (int) SYMLINK.invokeExact(state, cString(arena, target), cString(arena, path)));
    }

    /** Sets the access and modification times (seconds), or both to now when {@code times} is null. */
    public static void utime(byte[] path, long[] times) throws PosixError {
        Libc.run((arena, state) -> {
            MemorySegment buffer = MemorySegment.NULL;
            if (times != null) { // struct utimbuf { time_t actime, modtime; }
                buffer = arena.allocate(LONG, 2);
                buffer.setAtIndex(ValueLayout.JAVA_LONG, 0, times[0]);
                buffer.setAtIndex(ValueLayout.JAVA_LONG, 1, times[1]);
            }
            return (int) UTIME.invokeExact(state, cString(arena, path), buffer);
        });
    }

    /** A DIR handle for {@link #readdir} and {@link #closedir}. */
    public static MemorySegment opendir(byte[] path) throws PosixError {
        return Libc.call((arena, state) -> (MemorySegment) OPENDIR.invokeExact(state, cString(arena, path)),
                dir -> dir.equals(MemorySegment.NULL));
    }

    /**
     * The next name of the directory, or null at its end. (An error also ends it: readdir tells
     * one from the end only by an errno cleared before the call, which the JVM may touch.)
     */
    public static byte[] readdir(MemorySegment dir) throws PosixError {
        return Libc.call((arena, state) -> {
            MemorySegment entry = (MemorySegment) READDIR.invokeExact(state, dir);
            if (entry.equals(MemorySegment.NULL)) {
                return null;
            }
            return bytesUntilNul(entry.reinterpret(DIRENT_NAME + NAME_MAX).asSlice(DIRENT_NAME), NAME_MAX);
        }, name -> false);
    }

    public static void closedir(MemorySegment dir) throws PosixError {
        Libc.run((arena, state) -> (int) CLOSEDIR.invokeExact(state, dir));
    }

    private static Stat statWith(MethodHandle function, byte[] path) throws PosixError {
        return Libc.call((arena, state) -> {
            MemorySegment buffer = arena.allocate(Stat.BYTES, 8);
            int result = (int) function.invokeExact(state, cString(arena, path), buffer);
            return result == -1 ? null : Stat.of(buffer);
        }, stat -> stat == null);
    }

    private static byte[] bytesUntilNul(MemorySegment s, long max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = 0; i < max; i++) {
            byte b = s.get(ValueLayout.JAVA_BYTE, i);
            if (b == 0) {
                break;
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
