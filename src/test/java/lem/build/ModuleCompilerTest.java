package lem.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lem.runtime.LemRuntime;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;

/** The build's binary chunks of the built-in modules: one per source, the same functions. */
class ModuleCompilerTest {
    private static Path classes() throws URISyntaxException {
        return Path.of(ModuleCompilerTest.class.getResource("/lem/io.lua").toURI()).getParent().getParent();
    }

    @TestFactory
    Stream<DynamicTest> everyModuleHasABinaryChunkOfItsSource() throws IOException, URISyntaxException {
        Path classes = classes();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(classes.resolve("lem"))) {
            sources = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        assertFalse(sources.isEmpty());
        return sources.stream().map(source -> DynamicTest.dynamicTest(classes.relativize(source).toString(), () -> {
            String chunkName = LemRuntime.moduleChunkName(classes.relativize(source).toString());
            Path binary = source.resolveSibling(source.getFileName() + "c");
            assertTrue(Files.exists(binary), binary + " missing");
            Prototype compiled;
            try (InputStream in = Files.newInputStream(source)) {
                compiled = LuaC.instance.compile(in, chunkName);
            }
            Prototype loaded;
            try (InputStream in = Files.newInputStream(binary)) {
                loaded = LoadState.undump(in, chunkName);
            }
            assertSameFunction(compiled, loaded);
        }));
    }

    /** Same instructions, constants, positions and names, nested functions included. */
    private static void assertSameFunction(Prototype expected, Prototype actual) {
        assertEquals(expected.source.tojstring(), actual.source.tojstring());
        assertEquals(expected.linedefined, actual.linedefined);
        assertArrayEquals(expected.code, actual.code);
        assertArrayEquals(expected.lineinfo, actual.lineinfo);
        assertEquals(expected.k.length, actual.k.length);
        for (int i = 0; i < expected.k.length; i++) {
            assertEquals(expected.k[i].typename(), actual.k[i].typename());
            assertTrue(expected.k[i].raweq(actual.k[i]), "constant " + i + ": " + expected.k[i] + " / " + actual.k[i]);
        }
        assertEquals(expected.locvars.length, actual.locvars.length);
        for (int i = 0; i < expected.locvars.length; i++) {
            assertEquals(expected.locvars[i].varname.tojstring(), actual.locvars[i].varname.tojstring());
        }
        assertEquals(expected.upvalues.length, actual.upvalues.length);
        for (int i = 0; i < expected.upvalues.length; i++) {
            assertEquals(String.valueOf(expected.upvalues[i].name), String.valueOf(actual.upvalues[i].name));
        }
        assertEquals(expected.p.length, actual.p.length);
        for (int i = 0; i < expected.p.length; i++) {
            assertSameFunction(expected.p[i], actual.p[i]);
        }
    }
}
