package lem.build;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarFile;

/**
 * The one place where lem changes how LuaJ behaves inside its own classes. Run by the build
 * (exec-maven-plugin, process-classes): it reads classes from the unmodified LuaJ jar, replaces
 * the body of a few methods with a call into lem, and writes the results to target/classes,
 * which come before the LuaJ jar on every class path lem runs with (and win in the shaded jar).
 * Each patch is a method whose whole body becomes a delegation; docs/architecture.md lists them.
 */
public final class LuajPatcher {
    /** One method of one LuaJ class whose body becomes {@code body}. */
    private record Patch(String className, String method, String descriptor, Consumer<CodeBuilder> body) {
    }

    private static final ClassDesc LUA_CLOSURE = ClassDesc.of("org.luaj.vm2.LuaClosure");
    private static final ClassDesc LUA_ERROR = ClassDesc.of("org.luaj.vm2.LuaError");
    private static final ClassDesc LUA_VALUE = ClassDesc.of("org.luaj.vm2.LuaValue");
    private static final ClassDesc LUA_DOUBLE = ClassDesc.of("org.luaj.vm2.LuaDouble");
    private static final ClassDesc LUA_INTEGER = ClassDesc.of("org.luaj.vm2.LuaInteger");
    private static final ClassDesc NUMBERS = ClassDesc.of("lem.lib.std.Numbers");

    private static final List<Patch> PATCHES = List.of(
            // Numbers become text as Lua 5.2 writes them (%.14g), in every path: print, .., tostring.
            new Patch("org/luaj/vm2/LuaDouble", "tojstring", "()Ljava/lang/String;", code -> code
                    .aload(0).getfield(ClassDesc.of("org.luaj.vm2.LuaDouble"), "v", ConstantDescs.CD_double)
                    .invokestatic(ClassDesc.of("lem.lib.LuaNumbers"), "toText",
                            MethodTypeDesc.of(ConstantDescs.CD_String, ConstantDescs.CD_double))
                    .areturn()),
            // Errors get Lua 5.2's message, traceback and xpcall handler where they are raised.
            new Patch("org/luaj/vm2/LuaClosure", "processErrorHooks",
                    "(Lorg/luaj/vm2/LuaError;Lorg/luaj/vm2/Prototype;I)V", code -> code
                            .aload(0).aload(1).iload(3)
                            .invokestatic(ClassDesc.of("lem.runtime.debug.ErrorHooks"), "raised",
                                    MethodTypeDesc.of(ConstantDescs.CD_void, LUA_CLOSURE, LUA_ERROR, ConstantDescs.CD_int))
                            .return_()),
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
                    .ireturn()));

    private static Patch identityText(String className) {
        return new Patch(className, "tojstring", "()Ljava/lang/String;", code -> code
                .aload(0).invokestatic(ClassDesc.of("lem.lib.std.ValueText"), "identity",
                        MethodTypeDesc.of(ConstantDescs.CD_String, LUA_VALUE))
                .areturn());
    }

    /** In LuaClosure.execute, {@code new TailcallVarargs(f, args)} becomes a checked call (TailCalls). */
    private static final ClassDesc TAILCALL = ClassDesc.of("org.luaj.vm2.TailcallVarargs");

    private static final CodeTransform CHECK_TAIL_CALLS = new CodeTransform() {
        private boolean dropNextDup;

        @Override
        public void accept(CodeBuilder code, CodeElement element) {
            if (element instanceof NewObjectInstruction n && n.className().asSymbol().equals(TAILCALL)) {
                dropNextDup = true;
            } else if (dropNextDup && element instanceof StackInstruction s && s.opcode() == Opcode.DUP) {
                dropNextDup = false;
            } else if (element instanceof InvokeInstruction call && call.opcode() == Opcode.INVOKESPECIAL
                    && call.owner().asSymbol().equals(TAILCALL)) {
                code.invokestatic(ClassDesc.of("lem.runtime.debug.TailCalls"), "checked",
                        MethodTypeDesc.ofDescriptor("(Lorg/luaj/vm2/LuaValue;Lorg/luaj/vm2/Varargs;)Lorg/luaj/vm2/Varargs;"));
            } else {
                code.with(element);
            }
        }
    };

    private LuajPatcher() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path out = Path.of(args[0]);
        Path luaj = Path.of(org.luaj.vm2.Lua.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile jar = new JarFile(luaj.toFile())) {
            for (String className : PATCHES.stream().map(Patch::className).distinct().toList()) {
                byte[] original;
                try (InputStream in = jar.getInputStream(jar.getEntry(className + ".class"))) {
                    original = in.readAllBytes();
                }
                Path target = out.resolve(className + ".class");
                Files.createDirectories(target.getParent());
                Files.write(target, patch(className, original));
            }
        }
    }

    private static byte[] patch(String className, byte[] original) {
        ClassFile cf = ClassFile.of();
        ClassModel model = cf.parse(original);
        List<Patch> mine = PATCHES.stream().filter(p -> p.className.equals(className)).toList();
        int[] applied = {0};
        ClassTransform rewrite = className.equals("org/luaj/vm2/LuaClosure")
                ? ClassTransform.transformingMethodBodies(m -> m.methodName().equalsString("execute"), CHECK_TAIL_CALLS)
                : ClassTransform.ACCEPT_ALL;
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
