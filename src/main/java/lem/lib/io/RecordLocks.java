package lem.lib.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.List;

/**
 * The record locks one File holds, on Java's FileLock (fcntl locks underneath, so other processes
 * see them). Java keeps one lock per range and refuses overlapping ranges, where fcntl replaces
 * the overlapped part: so a lock or unlock releases the held locks it overlaps and takes their
 * parts outside its range again. Two Files of one process still conflict (Java checks locks
 * JVM-wide), where fcntl would let a process share with itself.
 */
final class RecordLocks {
    static final String CONFLICT = "Resource temporarily unavailable";
    private static final String INVALID = "Invalid argument";

    private final List<FileLock> held = new ArrayList<>();

    /** Takes a shared or exclusive lock without waiting; returns null, or why it failed. */
    String lock(FileChannel channel, long start, long length, boolean shared) throws IOException {
        if (start < 0 || length < 0) {
            return INVALID;
        }
        long end = endOf(start, length);
        for (FileLock lock : held) {
            if (lock.isShared() == shared && lock.position() <= start && end <= lock.position() + lock.size()) {
                return null; // already locked so
            }
        }
        List<FileLock> replaced = releaseOverlapping(start, end);
        String failure = take(channel, start, end, shared);
        if (failure != null) {
            for (FileLock old : replaced) { // a refused lock changes nothing, as with fcntl
                take(channel, old.position(), old.position() + old.size(), old.isShared());
            }
            return failure;
        }
        keepOutside(channel, replaced, start, end);
        return null;
    }

    /** Unlocks a range: the held locks lose their parts within it. */
    String unlock(FileChannel channel, long start, long length) throws IOException {
        if (start < 0 || length < 0) {
            return INVALID;
        }
        long end = endOf(start, length);
        keepOutside(channel, releaseOverlapping(start, end), start, end);
        return null;
    }

    /** Length 0 means up to the end of the file, however far it grows. */
    private static long endOf(long start, long length) {
        return length == 0 || length > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + length;
    }

    private List<FileLock> releaseOverlapping(long start, long end) throws IOException {
        List<FileLock> released = new ArrayList<>();
        for (FileLock lock : held) {
            if (lock.overlaps(start, end - start)) {
                lock.release();
                released.add(lock);
            }
        }
        held.removeAll(released);
        return released;
    }

    private void keepOutside(FileChannel channel, List<FileLock> released, long start, long end) throws IOException {
        for (FileLock old : released) {
            long oldEnd = old.position() + old.size();
            if (old.position() < start) {
                take(channel, old.position(), start, old.isShared());
            }
            if (oldEnd > end) {
                take(channel, end, oldEnd, old.isShared());
            }
        }
    }

    private String take(FileChannel channel, long start, long end, boolean shared) throws IOException {
        try {
            FileLock lock = channel.tryLock(start, end - start, shared);
            if (lock == null) {
                return CONFLICT;
            }
            held.add(lock);
            return null;
        } catch (OverlappingFileLockException e) {
            return CONFLICT;
        }
    }
}
