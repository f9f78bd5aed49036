package lem.lib.io;

import java.io.FileDescriptor;
import java.nio.channels.FileChannel;

/**
 * The JDK's objects for a descriptor lem did not open. Java makes a {@link FileDescriptor} of a
 * number, and a FileChannel of that, only inside java.base: lem reaches them through
 * {@code sun.nio.ch}, exported to it like {@code jdk.internal.vm} (pom.xml, the jar's manifest).
 * A FileChannel rather than an object of lem's own, because a stream's sendfile hands it to
 * Netty, whose native code reads the descriptor out of the JDK's class.
 */
final class JdkDescriptors {
    private JdkDescriptors() {
    }

    /** A FileDescriptor of {@code fd} itself (not a duplicate): closing what uses it closes {@code fd}. */
    static FileDescriptor of(int fd) {
        return sun.nio.ch.IOUtil.newFD(fd);
    }

    /** A FileChannel on {@code fd}; closing it, or dropping it unclosed, closes {@code fd}. */
    static FileChannel fileChannel(int fd, boolean readable, boolean writable) {
        return sun.nio.ch.FileChannelImpl.open(of(fd), "fd " + fd, readable, writable, false, false, null);
    }
}
