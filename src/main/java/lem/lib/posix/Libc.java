package lem.lib.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.function.Predicate;

/**
 * Calls into the C library through the JDK's foreign function API, with errno captured per call
 * and turned into a {@link PosixError} carrying the host's strerror text (what lem returns as
 * {@code nil, message}). lem.lfs (paths) and lem.io (descriptors) make their calls through it.
 * Native access is enabled for lem (--enable-native-access), hence the restricted methods.
 */
@SuppressWarnings("restricted")
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().find("strerror").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

    /** A native call given a scratch arena and the segment that receives errno. */
    public interface Call<T> {
        T call(Arena arena, MemorySegment state) throws Throwable;
    }

    private Libc() {
    }

    /** A handle on the C function {@code name} that takes the errno segment as its first argument. */
    public static MethodHandle function(String name, ValueLayout result, ValueLayout... arguments) {
        MemorySegment address = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsupportedOperationException("the C library has no " + name + "()"));
        return LINKER.downcallHandle(address, FunctionDescriptor.of(result, arguments),
                Linker.Option.captureCallState("errno"));
    }

    /**
     * The same for a variadic C function ({@code fcntl}): the arguments from {@code firstVariadic}
     * on are passed as C passes variadic ones.
     */
    public static MethodHandle variadicFunction(String name, int firstVariadic, ValueLayout result, ValueLayout... arguments) {
        MemorySegment address = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsupportedOperationException("the C library has no " + name + "()"));
        return LINKER.downcallHandle(address, FunctionDescriptor.of(result, arguments),
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(firstVariadic));
    }

    /** Runs a call that returns -1 on failure; returns its result otherwise. */
    public static int run(Call<Integer> call) throws PosixError {
        return call(call, result -> result == -1);
    }

    /** Runs {@code call}; a result that {@code failed} recognises becomes a PosixError of errno. */
    public static <T> T call(Call<T> call, Predicate<T> failed) throws PosixError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            T result = call.call(arena, state);
            if (failed.test(result)) {
                int errno = (int) ERRNO.get(state, 0L);
                throw new PosixError(errno, strerror(errno));
            }
            return result;
        } catch (PosixError | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The host's text for an error number (strerror). */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bytes} followed by a NUL, in {@code arena}. */
    public static MemorySegment cString(Arena arena, byte[] bytes) {
        MemorySegment s = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        s.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return s;
    }
}
