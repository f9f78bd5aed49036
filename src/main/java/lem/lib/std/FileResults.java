package lem.lib.std;

import java.io.IOException;
import lem.runtime.OsErrors;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** luaL_fileresult: what a failed file operation returns, nil, "name: reason" (or the reason alone) and errno. */
public final class FileResults {
    private FileResults() {
    }

    /** {@code name} is null where Lua leaves it out of the message (os.rename, reads and writes). */
    public static Varargs failure(IOException e, String name) {
        String reason = OsErrors.message(e);
        int errno = e instanceof OsError os ? os.errno : OsErrors.errno(reason);
        return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(name == null ? reason : name + ": " + reason),
                LuaValue.valueOf(errno));
    }
}
