package lem.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts the jar the build made ({@code args[0]}) in its place ({@code args[1]}) with one rename.
 * Run by the build (exec-maven-plugin, package, after the shade plugin wrote the jar beside it).
 * A lem still running from the previous jar keeps reading that one: written over in place, it
 * changed under the running JVM, which loads classes and modules from it lazily, and a class it
 * loaded after the rebuild could not be found.
 */
public final class JarPublisher {
    private JarPublisher() {
    }

    public static void main(String[] args) throws IOException {
        publish(Path.of(args[0]), Path.of(args[1]));
    }

    static void publish(Path made, Path target) throws IOException {
        Files.move(made, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
