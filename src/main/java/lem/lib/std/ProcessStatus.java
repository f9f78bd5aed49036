package lem.lib.std;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * luaL_execresult: how a child process ended, as os.execute and closing an io.popen file
 * report it: true or nil, then "exit" and the status, or "signal" and the signal number.
 */
public final class ProcessStatus {
    private ProcessStatus() {
    }

    public static Varargs of(Process process) throws IOException {
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        // Java reports a death by signal n as the status 128 + n
        if (status > 128 && status <= 128 + 64) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("signal"), LuaValue.valueOf(status - 128));
        }
        return LuaValue.varargsOf(status == 0 ? LuaValue.TRUE : LuaValue.NIL, LuaValue.valueOf("exit"), LuaValue.valueOf(status));
    }
}
