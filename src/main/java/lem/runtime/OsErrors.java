package lem.runtime;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Java I/O exceptions as the host's strerror() text, which is what Lua programs expect to see. */
public final class OsErrors {
    private OsErrors() {
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
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
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
