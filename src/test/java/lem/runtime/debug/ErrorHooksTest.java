package lem.runtime.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a Java failure looks like as a Lua error value. */
class ErrorHooksTest {
    @Test
    void lemsOwnFailuresKeepTheirMessage() {
        assertEquals("bad thing", ErrorHooks.javaFailure(new IllegalStateException("bad thing")).tojstring());
        assertEquals("NullPointerException", ErrorHooks.javaFailure(new NullPointerException()).tojstring());
    }

    @Test
    void luasWordsForTheJavaStackAndMemory() {
        assertEquals("stack overflow", ErrorHooks.javaFailure(new StackOverflowError()).tojstring());
        assertEquals("not enough memory", ErrorHooks.javaFailure(new OutOfMemoryError("Java heap space")).tojstring());
    }

    @Test
    void otherJavaErrorsSayWhatTheyAre() {
        // a class missing from the jar: its message alone is a bare class name
        Error missing = new NoClassDefFoundError("lem/lib/io/IoLib");
        missing.initCause(new ClassNotFoundException("lem.lib.io.IoLib"));
        assertEquals("internal error: java.lang.ClassNotFoundException: lem.lib.io.IoLib",
                ErrorHooks.javaFailure(missing).tojstring());
        assertEquals("internal error: java.lang.InternalError: oops", ErrorHooks.javaFailure(new InternalError("oops")).tojstring());
    }
}
