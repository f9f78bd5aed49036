package lem.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lem.runtime.LemRuntime;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.DumpState;
import org.luaj.vm2.compiler.LuaC;

/**
 * Precompiles lem's built-in Lua modules. Run by the build (exec-maven-plugin, process-classes,
 * after {@link LuajPatcher}, so with lem's compiler): each {@code lem/**.lua} in the output
 * folder gets a binary chunk beside it ({@code .luac}, debug information kept), which
 * {@code require} loads instead of the source. Compiling the HTTP modules at start-up took
 * ~40 ms, and the lexer's JIT compilation tied up the optimising compiler for ~0.7 s of a
 * server's first second.
 */
public final class ModuleCompiler {
    private ModuleCompiler() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<Path> sources;
        try (Stream<Path> files = Files.walk(out.resolve("lem"))) {
            sources = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        for (Path source : sources) {
            String resource = out.relativize(source).toString().replace('\\', '/');
            Prototype p;
            try (InputStream in = Files.newInputStream(source)) {
                p = LuaC.instance.compile(in, LemRuntime.moduleChunkName(resource));
            }
            try (OutputStream binary = Files.newOutputStream(source.resolveSibling(source.getFileName() + "c"))) {
                DumpState.dump(p, binary, false);
            }
        }
        System.out.println("ModuleCompiler: " + sources.size() + " built-in modules precompiled");
    }
}
