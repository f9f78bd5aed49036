package lem.runtime;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;

/** Java I/O exceptions as the host's strerror() text, which is what Lua programs expect to see. */
public final class OsErrors {
    private OsErrors() {
    }

    /** Linux's errno numbers for the strerror() texts that Java reports. */
    private static final Map<String, Integer> ERRNO = Map.ofEntries(
            Map.entry("Operation not permitted", 1),
            Map.entry("No such file or directory", 2),
            Map.entry("Input/output error", 5),
            Map.entry("Bad file descriptor", 9),
            Map.entry("Resource temporarily unavailable", 11),
            Map.entry("Permission denied", 13),
            Map.entry("Device or resource busy", 16),
            Map.entry("File exists", 17),
            Map.entry("Invalid cross-device link", 18),
            Map.entry("Not a directory", 20),
            Map.entry("Is a directory", 21),
            Map.entry("Invalid argument", 22),
            Map.entry("Too many open files", 24),
            Map.entry("Text file busy", 26),
            Map.entry("File too large", 27),
            Map.entry("No space left on device", 28),
            Map.entry("Illegal seek", 29),
            Map.entry("Read-only file system", 30),
            Map.entry("Broken pipe", 32),
            Map.entry("File name too long", 36),
            Map.entry("Directory not empty", 39),
            Map.entry("Too many levels of symbolic links", 40),
            Map.entry("Disk quota exceeded", 122));

    /** The errno of an error whose text is {@link #message}; EIO (5) when the text is not a known one. */
    public static int errno(String message) {
        return ERRNO.getOrDefault(message, 5);
    }

    public static String message(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            return "Invalid cross-device link";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            // Java appends to ELOOP's text: "... or unable to access attributes of symbolic link"
            String reason = fse.getReason();
            return reason.startsWith("Too many levels of symbolic links") ? "Too many levels of symbolic links" : reason;
        }
        String message = e.getMessage();
        if (e instanceof FileNotFoundException && message != null) {
            // "name (No such file or directory)": the reason is in the parentheses
            int open = message.lastIndexOf(" (");
            if (open >= 0 && message.endsWith(")")) {
                return message.substring(open + 2, message.length() - 1);
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
