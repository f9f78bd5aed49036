package lem.lib.posix;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The fields of struct stat that lfs.attributes reports. struct stat differs per platform: lem
 * knows Linux on x86-64 (glibc's layout) and on aarch64 (the kernel's generic one).
 */
public record Stat(long dev, long ino, int mode, long nlink, long uid, long gid, long rdev, long size, long blksize,
        long blocks, long atime, long mtime, long ctime) {
    /** Room for struct stat on both platforms (144 bytes on x86-64, 128 on aarch64). */
    public static final long BYTES = 256;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final String OS = System.getProperty("os.name");
    private static final String ARCH = System.getProperty("os.arch");
    private static final boolean X86_64 = ARCH.equals("amd64");

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    /** Why lem cannot read struct stat here, or null when it can. */
    public static String unknownPlatform() {
        boolean known = OS.equals("Linux") && (X86_64 || ARCH.equals("aarch64"));
        return known ? null : "lem does not know struct stat on " + OS + " " + ARCH;
    }

    public static Stat of(MemorySegment s) {
        if (X86_64) {
            return new Stat(s.get(LONG, 0), s.get(LONG, 8), s.get(INT, 24), s.get(LONG, 16), uint(s, 28), uint(s, 32),
                    s.get(LONG, 40), s.get(LONG, 48), s.get(LONG, 56), s.get(LONG, 64), s.get(LONG, 72), s.get(LONG, 88),
                    s.get(LONG, 104));
        }
        return new Stat(s.get(LONG, 0), s.get(LONG, 8), s.get(INT, 16), uint(s, 20), uint(s, 24), uint(s, 28),
                s.get(LONG, 32), s.get(LONG, 48), s.get(INT, 56), s.get(LONG, 64), s.get(LONG, 72), s.get(LONG, 88),
                s.get(LONG, 104));
    }

    private static long uint(MemorySegment s, long offset) {
        return Integer.toUnsignedLong(s.get(INT, offset));
    }

    /** The file type as LuaFileSystem names it. */
    public String type() {
        return switch (mode & S_IFMT) {
            case S_IFREG -> "file";
            case S_IFDIR -> "directory";
            case S_IFLNK -> "link";
            case S_IFSOCK -> "socket";
            case S_IFIFO -> "named pipe";
            case S_IFCHR -> "char device";
            case S_IFBLK -> "block device";
            default -> "other";
        };
    }

    /** The nine permission bits as {@code rwxr-xr-x} (set-id and sticky bits are not shown). */
    public String permissions() {
        String letters = "rwxrwxrwx";
        StringBuilder s = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            s.append((mode & (0400 >> i)) != 0 ? letters.charAt(i) : '-');
        }
        return s.toString();
    }
}
