package lem.build;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place where lem changes how LuaJ behaves inside its own classes. Run by the build
 * (exec-maven-plugin, process-classes): it reads classes from the unmodified LuaJ jar, replaces
 * the body of a few methods with a call into lem, and writes the results to target/classes,
 * which come before the LuaJ jar on every class path lem runs with (and win in the shaded jar).
 * Each patch is a method whose whole body becomes a delegation; a few rewrites change single
 * instructions of a method instead. docs/architecture.md lists them.
 */
public final class LuajPatcher {
    /** One method of one LuaJ class whose body becomes {@code body}. */
    private record Patch(String className, String method, String descriptor, Consumer<CodeBuilder> body) {
    }

    private static final ClassDesc LUA_CLOSURE = ClassDesc.of("org.luaj.vm2.LuaClosure");
    private static final ClassDesc LUA_ERROR = ClassDesc.of("org.luaj.vm2.LuaError");
    private static final ClassDesc LUA_STRING = ClassDesc.of("org.luaj.vm2.LuaString");
    private static final ClassDesc LUA_VALUE = ClassDesc.of("org.luaj.vm2.LuaValue");
    private static final ClassDesc VARARGS = ClassDesc.of("org.luaj.vm2.Varargs");
    private static final ClassDesc LEX_STATE = ClassDesc.of("org.luaj.vm2.compiler.LexState");
    private static final ClassDesc FUNC_STATE = ClassDesc.of("org.luaj.vm2.compiler.FuncState");
    private static final ClassDesc SEM_INFO = ClassDesc.of("org.luaj.vm2.compiler.LexState$SemInfo");
    private static final ClassDesc LABEL = ClassDesc.of("org.luaj.vm2.compiler.LexState$Labeldesc");
    private static final ClassDesc COMPILE_STATE = ClassDesc.of("org.luaj.vm2.compiler.LuaC$CompileState");
    private static final ClassDesc SYNTAX_ERRORS = ClassDesc.of("lem.runtime.compile.SyntaxErrors");
    private static final ClassDesc LEXEMES = ClassDesc.of("lem.runtime.compile.Lexemes");
    private static final MethodTypeDesc TAKES_STRING = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String);
    private static final ClassDesc LUA_DOUBLE = ClassDesc.of("org.luaj.vm2.LuaDouble");
    private static final ClassDesc LUA_INTEGER = ClassDesc.of("org.luaj.vm2.LuaInteger");
    private static final ClassDesc NUMBERS = ClassDesc.of("lem.lib.std.Numbers");
    private static final ClassDesc DEAD_SLOT = ClassDesc.of("org.luaj.vm2.LuaTable$DeadSlot");
    private static final ClassDesc SLOT = ClassDesc.of("org.luaj.vm2.LuaTable$Slot");
    private static final ClassDesc STRONG_SLOT = ClassDesc.of("org.luaj.vm2.LuaTable$StrongSlot");

    private static final List<Patch> PATCHES = List.of(
            // Numbers become text as Lua 5.2 writes them (%.14g), in every path: print, .., tostring.
            new Patch("org/luaj/vm2/LuaDouble", "tojstring", "()Ljava/lang/String;", code -> code
                    .aload(0).getfield(ClassDesc.of("org.luaj.vm2.LuaDouble"), "v", ConstantDescs.CD_double)
                    .invokestatic(ClassDesc.of("lem.lib.LuaNumbers"), "toText",
                            MethodTypeDesc.of(ConstantDescs.CD_String, ConstantDescs.CD_double))
                    .areturn()),
            // Every Lua function runs in lem's interpreter (lem.runtime.Interpreter), which also gives errors
            // Lua 5.2's message, traceback and xpcall handler where they are raised (ErrorHooks).
            new Patch("org/luaj/vm2/LuaClosure", "execute",
                    "([Lorg/luaj/vm2/LuaValue;Lorg/luaj/vm2/Varargs;)Lorg/luaj/vm2/Varargs;", code -> code
                            .aload(0).aload(1).aload(2)
                            .invokestatic(ClassDesc.of("lem.runtime.Interpreter"), "execute",
                                    MethodTypeDesc.of(VARARGS, LUA_CLOSURE, LUA_VALUE.arrayType(), VARARGS))
                            .areturn()),
            // Strings convert to numbers as Lua reads numerals (hex floats, white space) in arithmetic and tonumber.
            new Patch("org/luaj/vm2/LuaString", "scannumber", "()D", code -> code
                    .aload(0).getfield(LUA_STRING, "m_bytes", ConstantDescs.CD_byte.arrayType())
                    .aload(0).getfield(LUA_STRING, "m_offset", ConstantDescs.CD_int)
                    .aload(0).getfield(LUA_STRING, "m_length", ConstantDescs.CD_int)
                    .invokestatic(ClassDesc.of("lem.lib.LuaNumbers"), "parse", MethodTypeDesc.of(ConstantDescs.CD_double,
                            ConstantDescs.CD_byte.arrayType(), ConstantDescs.CD_int, ConstantDescs.CD_int))
                    .dreturn()),
            // Syntax errors read "chunk:line: message near 'token'" (LuaJ shows token codes, or no token).
            new Patch("org/luaj/vm2/compiler/LexState", "lexerror", "(Ljava/lang/String;I)V", code -> code
                    .aload(0).getfield(LEX_STATE, "source", LUA_STRING)
                    .aload(0).getfield(LEX_STATE, "linenumber", ConstantDescs.CD_int)
                    .aload(1).iload(2)
                    .aload(0).getfield(LEX_STATE, "buff", ConstantDescs.CD_char.arrayType())
                    .aload(0).getfield(LEX_STATE, "nbuff", ConstantDescs.CD_int)
                    .invokestatic(SYNTAX_ERRORS, "error", MethodTypeDesc.of(LUA_ERROR, LUA_STRING, ConstantDescs.CD_int,
                            ConstantDescs.CD_String, ConstantDescs.CD_int, ConstantDescs.CD_char.arrayType(), ConstantDescs.CD_int))
                    .athrow()),
            // "<name> expected" is not quoted as "'<name>' expected".
            new Patch("org/luaj/vm2/compiler/LexState", "error_expected", "(I)V", code -> code
                    .aload(0).iload(1)
                    .invokestatic(SYNTAX_ERRORS, "expected", MethodTypeDesc.of(ConstantDescs.CD_String, ConstantDescs.CD_int))
                    .invokevirtual(LEX_STATE, "syntaxerror", TAKES_STRING)
                    .return_()),
            // A break outside a loop is "<break> at line N not inside a loop".
            new Patch("org/luaj/vm2/compiler/LexState", "undefgoto", "(Lorg/luaj/vm2/compiler/LexState$Labeldesc;)V", code -> code
                    .aload(0)
                    .aload(1).getfield(LABEL, "name", LUA_STRING)
                    .aload(1).getfield(LABEL, "line", ConstantDescs.CD_int)
                    .invokestatic(SYNTAX_ERRORS, "undefinedGoto", MethodTypeDesc.of(ConstantDescs.CD_String, LUA_STRING, ConstantDescs.CD_int))
                    .invokevirtual(LEX_STATE, "semerror", TAKES_STRING)
                    .return_()),
            // Limits read "too many local variables (limit is 200) in main function near 'x'".
            new Patch("org/luaj/vm2/compiler/FuncState", "errorlimit", "(ILjava/lang/String;)V", code -> code
                    .aload(0).getfield(FUNC_STATE, "ls", LEX_STATE)
                    .aload(2).iload(1)
                    .aload(0).getfield(FUNC_STATE, "f", ClassDesc.of("org.luaj.vm2.Prototype"))
                    .getfield(ClassDesc.of("org.luaj.vm2.Prototype"), "linedefined", ConstantDescs.CD_int)
                    .invokestatic(SYNTAX_ERRORS, "limit", MethodTypeDesc.of(ConstantDescs.CD_String, ConstantDescs.CD_String,
                            ConstantDescs.CD_int, ConstantDescs.CD_int))
                    .invokevirtual(LEX_STATE, "syntaxerror", TAKES_STRING)
                    .return_()),
            // Nesting is limited as Lua's "C levels": fs.checklimit(++L.nCcalls, 200, "C levels").
            new Patch("org/luaj/vm2/compiler/LexState", "enterlevel", "()V", code -> code
                    .aload(0).getfield(LEX_STATE, "fs", FUNC_STATE)
                    .aload(0).getfield(LEX_STATE, "L", COMPILE_STATE)
                    .dup().getfield(COMPILE_STATE, "nCcalls", ConstantDescs.CD_int).iconst_1().iadd()
                    .dup_x1().putfield(COMPILE_STATE, "nCcalls", ConstantDescs.CD_int)
                    .sipush(200).ldc("C levels")
                    .invokevirtual(FUNC_STATE, "checklimit", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int,
                            ConstantDescs.CD_int, ConstantDescs.CD_String))
                    .return_()),
            // Numerals must make a number ("3e" is malformed): seminfo.r = Lexemes.numeral(this).
            new Patch("org/luaj/vm2/compiler/LexState", "read_numeral", "(Lorg/luaj/vm2/compiler/LexState$SemInfo;)V", code -> code
                    .aload(1).aload(0)
                    .invokestatic(LEXEMES, "numeral", MethodTypeDesc.of(LUA_VALUE, LEX_STATE))
                    .putfield(SEM_INFO, "r", LUA_VALUE)
                    .return_()),
            // Only Lua's escape sequences ("\q" is invalid): seminfo.ts = Lexemes.quotedString(this, del).
            new Patch("org/luaj/vm2/compiler/LexState", "read_string", "(ILorg/luaj/vm2/compiler/LexState$SemInfo;)V", code -> code
                    .aload(2).aload(0).iload(1)
                    .invokestatic(LEXEMES, "quotedString", MethodTypeDesc.of(LUA_STRING, LEX_STATE, ConstantDescs.CD_int))
                    .putfield(SEM_INFO, "ts", LUA_STRING)
                    .return_()),
            // "[[" may nest in a long string: a string when seminfo is given, else a comment.
            new Patch("org/luaj/vm2/compiler/LexState", "read_long_string", "(Lorg/luaj/vm2/compiler/LexState$SemInfo;I)V", code -> code
                    .aload(1)
                    .ifThenElse(Opcode.IFNONNULL, string -> string
                            .aload(1).aload(0).iload(2)
                            .invokestatic(LEXEMES, "longString", MethodTypeDesc.of(LUA_STRING, LEX_STATE, ConstantDescs.CD_int))
                            .putfield(SEM_INFO, "ts", LUA_STRING), comment -> comment
                            .aload(0).iload(2)
                            .invokestatic(LEXEMES, "longComment", MethodTypeDesc.of(ConstantDescs.CD_void, LEX_STATE, ConstantDescs.CD_int)))
                    .return_()),
            // Only Lua's white space: other control characters are symbols.
            new Patch("org/luaj/vm2/compiler/LexState", "isspace", "(I)Z", code -> code
                    .iload(1)
                    .invokestatic(LEXEMES, "isSpace", MethodTypeDesc.of(ConstantDescs.CD_boolean, ConstantDescs.CD_int))
                    .ireturn()),
            // load() does not skip a first line starting with '#': only files do (lem.runtime.compile.FileChunks).
            new Patch("org/luaj/vm2/compiler/LexState", "skipShebang", "()V", CodeBuilder::return_),
            // Tables, functions, threads and userdata print as Lua prints them: "table: 0x0a1b2c3d".
            identityText("org/luaj/vm2/LuaValue"),
            identityText("org/luaj/vm2/LuaFunction"),
            identityText("org/luaj/vm2/lib/LibFunction"),
            identityText("org/luaj/vm2/LuaClosure"),
            identityText("org/luaj/vm2/LuaUserdata"),
            // -0 is not an integer: it stays a LuaDouble, so that it prints as -0 (lib.std.Numbers).
            new Patch("org/luaj/vm2/LuaDouble", "valueOf", "(D)Lorg/luaj/vm2/LuaNumber;", code -> code
                    .dload(0).invokestatic(NUMBERS, "isInteger", MethodTypeDesc.of(ConstantDescs.CD_boolean, ConstantDescs.CD_double))
                    .ifThen(integer -> integer.dload(0).d2i()
                            .invokestatic(LUA_INTEGER, "valueOf", MethodTypeDesc.of(LUA_INTEGER, ConstantDescs.CD_int)).areturn())
                    .new_(LUA_DOUBLE).dup().dload(0)
                    .invokespecial(LUA_DOUBLE, ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_double))
                    .areturn()),
            // ... also as a constant of compiled code (LuaJ's compiler turns integral doubles into integers).
            new Patch("org/luaj/vm2/compiler/FuncState", "numberK", "(Lorg/luaj/vm2/LuaValue;)I", code -> code
                    .aload(0).aload(1)
                    .invokevirtual(ClassDesc.of("org.luaj.vm2.compiler.FuncState"), "addk", MethodTypeDesc.of(ConstantDescs.CD_int, LUA_VALUE))
                    .ireturn()),
            // ... and -0 and 0 are the same table key.
            new Patch("org/luaj/vm2/LuaDouble", "hashCode", "()I", code -> code
                    .aload(0).getfield(LUA_DOUBLE, "v", ConstantDescs.CD_double)
                    .invokestatic(NUMBERS, "hash", MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_double))
                    .ireturn()),
            // Integer arithmetic that gives -0 in C: -0 and 0 times a negative number.
            new Patch("org/luaj/vm2/LuaInteger", "neg", "()Lorg/luaj/vm2/LuaValue;", code -> code
                    .aload(0).getfield(LUA_INTEGER, "v", ConstantDescs.CD_int)
                    .invokestatic(NUMBERS, "negate", MethodTypeDesc.of(LUA_VALUE, ConstantDescs.CD_int))
                    .areturn()),
            new Patch("org/luaj/vm2/LuaInteger", "mul", "(I)Lorg/luaj/vm2/LuaValue;", code -> code
                    .iload(1).aload(0).getfield(LUA_INTEGER, "v", ConstantDescs.CD_int)
                    .invokestatic(NUMBERS, "multiply", MethodTypeDesc.of(LUA_VALUE, ConstantDescs.CD_int, ConstantDescs.CD_int))
                    .areturn()),
            // 0/0 and x%0 give the hardware's NaN as in C (LuaJ returns a NaN of its own, printed "nan" not "-nan").
            new Patch("org/luaj/vm2/LuaDouble", "ddiv", "(DD)Lorg/luaj/vm2/LuaValue;", code -> code
                    .dload(0).dload(2)
                    .invokestatic(NUMBERS, "divide", MethodTypeDesc.of(LUA_VALUE, ConstantDescs.CD_double, ConstantDescs.CD_double))
                    .areturn()),
            new Patch("org/luaj/vm2/LuaDouble", "dmod", "(DD)Lorg/luaj/vm2/LuaValue;", code -> code
                    .dload(0).dload(2)
                    .invokestatic(NUMBERS, "modulo", MethodTypeDesc.of(LUA_VALUE, ConstantDescs.CD_double, ConstantDescs.CD_double))
                    .areturn()),
            // Strings order by unsigned bytes, as C's strcmp orders them (LuaJ compares signed bytes).
            new Patch("org/luaj/vm2/LuaString", "strcmp", "(Lorg/luaj/vm2/LuaString;)I", code -> code
                    .aload(0).aload(1)
                    .invokestatic(ClassDesc.of("lem.lib.std.Order"), "compare",
                            MethodTypeDesc.of(ConstantDescs.CD_int, ClassDesc.of("org.luaj.vm2.LuaString"), ClassDesc.of("org.luaj.vm2.LuaString")))
                    .ireturn()),
            // The length of a table is the border Lua 5.2 finds (lib.std.TableLength), for tables with holes.
            new Patch("org/luaj/vm2/LuaTable", "rawlen", "()I", code -> code
                    .aload(0)
                    .invokestatic(ClassDesc.of("lem.lib.std.TableLength"), "border",
                            MethodTypeDesc.of(ConstantDescs.CD_int, ClassDesc.of("org.luaj.vm2.LuaTable")))
                    .ireturn()),
            // t[k] = nil must remove k even when a tombstone before it in the hash chain lost its
            // (weakly held) key to the collector: LuaJ dropped such a tombstone and stopped there.
            // Now: rest = next.remove(target); if the tombstone's key lives, next = rest, keep it; else drop it.
            new Patch("org/luaj/vm2/LuaTable$DeadSlot", "remove", "(Lorg/luaj/vm2/LuaTable$StrongSlot;)Lorg/luaj/vm2/LuaTable$Slot;",
                    code -> code
                            .aload(0).getfield(DEAD_SLOT, "next", SLOT)
                            .aload(1).invokeinterface(SLOT, "remove", MethodTypeDesc.of(SLOT, STRONG_SLOT))
                            .astore(2)
                            .aload(0).invokespecial(DEAD_SLOT, "key", MethodTypeDesc.of(LUA_VALUE))
                            .ifThen(Opcode.IFNONNULL, alive -> alive
                                    .aload(0).aload(2).putfield(DEAD_SLOT, "next", SLOT)
                                    .aload(0).areturn())
                            .aload(2).areturn()));

    private static Patch identityText(String className) {
        return new Patch(className, "tojstring", "()Ljava/lang/String;", code -> code
                .aload(0).invokestatic(ClassDesc.of("lem.lib.std.ValueText"), "identity",
                        MethodTypeDesc.of(ConstantDescs.CD_String, LUA_VALUE))
                .areturn());
    }

    /** A rewrite of some instructions of one method of one LuaJ class. */
    private record Rewrite(String className, String method, CodeTransform transform) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            // A misplaced token is an "unexpected symbol", without LuaJ's token code: the message it built is dropped.
            new Rewrite("org/luaj/vm2/compiler/LexState", "primaryexp", (code, element) -> {
                if (element instanceof InvokeInstruction call && call.name().equalsString("syntaxerror")) {
                    code.pop().ldc("unexpected symbol");
                }
                code.with(element);
            }),
            // The limit of 200 locals counts the function's own (LuaJ counts its enclosing functions' too):
            // the first read of dyd.n_actvar, for checklimit, becomes dyd.n_actvar - fs.firstlocal.
            new Rewrite("org/luaj/vm2/compiler/LexState", "new_localvar", new CodeTransform() {
                private boolean done;

                @Override
                public void accept(CodeBuilder code, CodeElement element) {
                    code.with(element);
                    if (!done && element instanceof FieldInstruction read && read.name().equalsString("n_actvar")) {
                        code.aload(0).getfield(LEX_STATE, "fs", FUNC_STATE)
                                .getfield(FUNC_STATE, "firstlocal", ConstantDescs.CD_int).isub();
                        done = true;
                    }
                }
            }),
            // A repeated label is "label 'a' already defined on line 1" (LuaJ misses the closing quote).
            new Rewrite("org/luaj/vm2/compiler/FuncState", "checkrepeated", (code, element) -> {
                if (element instanceof ConstantInstruction.LoadConstantInstruction ldc
                        && ldc.constantValue().equals(" already defined on line ")) {
                    code.ldc("' already defined on line ");
                } else {
                    code.with(element);
                }
            }));

    private LuajPatcher() {
    }

    /**
     * LuaJ's classes are Java 1.3 class files, which class data sharing cannot archive once they
     * are linked (and so neither any class that extends one, lem's library functions among them).
     * Every class of the runtime is rewritten as a Java 8 class file with generated stack maps;
     * the bytecode stays the same. The compiler to Java bytecode (luajc) and the scripting engine
     * are left out: lem uses neither.
     */
    private static final int CLASS_VERSION = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path out = Path.of(args[0]);
        Path luaj = luajJar();
        Set<String> patched = Stream.concat(PATCHES.stream().map(Patch::className), REWRITES.stream().map(Rewrite::className))
                .collect(Collectors.toSet());
        int upgraded = 0;
        try (JarFile jar = new JarFile(luaj.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("org/luaj/vm2/luajc/") || name.startsWith("org/luaj/vm2/script/")
                        || name.startsWith("org/luaj/vm2/server/") || name.startsWith("lua")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length());
                byte[] original;
                try (InputStream in = jar.getInputStream(entry)) {
                    original = in.readAllBytes();
                }
                Path target = out.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, modernise(patched.contains(className) ? patch(className, original) : original));
                upgraded++;
            }
        }
        if (!patched.stream().allMatch(c -> Files.exists(out.resolve(c + ".class")))) {
            throw new IllegalStateException("a patched class was not written");
        }
        System.out.println("LuajPatcher: " + patched.size() + " LuaJ classes patched, " + upgraded + " rewritten as Java 8 class files");
    }

    /** The LuaJ jar on the class path (target/classes holds rewritten copies of its classes too). */
    private static Path luajJar() throws IOException, URISyntaxException {
        for (java.net.URL url : java.util.Collections.list(LuajPatcher.class.getClassLoader().getResources("org/luaj/vm2/Lua.class"))) {
            if (url.getProtocol().equals("jar")) {
                String file = url.getPath();
                return Path.of(new java.net.URI(file.substring(0, file.indexOf("!/"))));
            }
        }
        throw new IllegalStateException("the LuaJ jar is not on the class path");
    }

    /** The same class as a Java 8 class file, its stack maps computed from the bytecode. */
    private static byte[] modernise(byte[] classFile) {
        ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                        .orElse(ClassHierarchyResolver.ofResourceParsing(LuajPatcher.class.getClassLoader()))));
        ClassModel model = cf.parse(classFile);
        ClassTransform version = (builder, element) -> {
            if (element instanceof java.lang.classfile.ClassFileVersion) {
                builder.withVersion(CLASS_VERSION, 0);
            } else {
                builder.with(element);
            }
        };
        return cf.transformClass(model, version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
    }

    private static byte[] patch(String className, byte[] original) {
        ClassFile cf = ClassFile.of();
        ClassModel model = cf.parse(original);
        List<Patch> mine = PATCHES.stream().filter(p -> p.className.equals(className)).toList();
        int[] applied = {0};
        ClassTransform rewrite = ClassTransform.ACCEPT_ALL;
        for (Rewrite r : REWRITES) {
            if (r.className.equals(className)) {
                if (model.methods().stream().noneMatch(m -> m.methodName().equalsString(r.method))) {
                    throw new IllegalStateException("LuaJ has no " + className + "." + r.method);
                }
                rewrite = rewrite.andThen(ClassTransform.transformingMethodBodies(m -> m.methodName().equalsString(r.method), r.transform));
            }
        }
        byte[] result = cf.transformClass(model, rewrite.andThen(ClassTransform.dropping(element -> element instanceof MethodModel m
                && mine.stream().anyMatch(p -> matches(p, m))).andThen(ClassTransform.endHandler(builder -> {
                    for (Patch p : mine) {
                        MethodModel m = model.methods().stream().filter(x -> matches(p, x)).findFirst()
                                .orElseThrow(() -> new IllegalStateException("LuaJ has no " + p.className + "." + p.method + p.descriptor));
                        builder.withMethodBody(m.methodName(), m.methodType(), m.flags().flagsMask(), p.body);
                        applied[0]++;
                    }
                }))));
        if (applied[0] != mine.size()) {
            throw new IllegalStateException("not every patch of " + className + " applied");
        }
        return result;
    }

    private static boolean matches(Patch p, MethodModel m) {
        return m.methodName().equalsString(p.method) && m.methodType().equalsString(p.descriptor);
    }
}
