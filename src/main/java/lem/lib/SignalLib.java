package lem.lib;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.internal.misc.Signal;
import lem.runtime.ChildExits;
import lem.runtime.Loop;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code lem.signal.core}: the process' signals through the JDK's own signal handling
 * (jdk.internal.misc.Signal), each delivery handed to the loop, where one dispatcher function
 * (lem/signal.lua's) runs in a new task with the signal's number. SIGCHLD cannot be had so on
 * the JVM, which reaps children itself: children started by io.popen stand in for it, their
 * end delivered as SIGCHLD with an event table. Watching keeps nothing alive.
 */
public final class SignalLib {
    /** The names lem knows, the C version's table; their numbers are the host's. */
    private static final String[] NAMES = {"HUP", "INT", "USR1", "USR2", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "SEGV", "PIPE", "ALRM", "TERM", "CONT", "CHLD", "TSTP", "TTIN", "TTOU", "PROF", "SYS", "URG", "VTALRM",
            "XCPU", "XFSZ", "WINCH", "PWR"};
    /** The JDK reports a child killed by signal n as having exited with 128 + n, as shells do. */
    private static final int KILLED_BY_SIGNAL = 128;

    private final Loop loop;
    private final ChildExits children;
    private final Map<String, Signal> byName = new LinkedHashMap<>();
    private final Map<Integer, String> nameOf = new HashMap<>();
    private final int sigchld;
    /** Watched signals, with the JVM's handler of each from before, put back by unwatch. */
    private final Map<Integer, Signal.Handler> watched = new HashMap<>();
    private LuaValue dispatcher = LuaValue.NIL;

    public SignalLib(Loop loop, ChildExits children) {
        this.loop = loop;
        this.children = children;
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                byName.put(name, signal);
                nameOf.putIfAbsent(signal.getNumber(), name);
            } catch (IllegalArgumentException e) {
                // not a signal of this host (PWR is Linux only)
            }
        }
        sigchld = byName.get("CHLD").getNumber();
    }

    public LuaTable module() {
        LuaTable m = new LuaTable();
        m.set("tonumber", new LemFunction("tonumber") {
            @Override
            public Varargs invoke(Varargs args) {
                Signal signal = byName.get(checkString(args, 1).tojstring());
                return signal == null ? NIL : valueOf(signal.getNumber());
            }
        });
        m.set("tostring", new LemFunction("tostring") {
            @Override
            public Varargs invoke(Varargs args) {
                String name = nameOf.get(number(this, args));
                return name == null ? NIL : valueOf(name);
            }
        });
        m.set("sethandler", new LemFunction("sethandler") {
            @Override
            public Varargs invoke(Varargs args) {
                dispatcher = args.isnil(1) ? NIL : checkFunction(args, 1);
                return TRUE;
            }
        });
        m.set("watch", new LemFunction("watch") {
            @Override
            public Varargs invoke(Varargs args) {
                int number = number(this, args);
                if (dispatcher.isnil()) {
                    throw new LuaError("You must set a signal handler first");
                }
                return watch(number);
            }
        });
        m.set("unwatch", new LemFunction("unwatch") {
            @Override
            public Varargs invoke(Varargs args) {
                unwatch(number(this, args));
                return TRUE;
            }
        });
        return m;
    }

    private static int number(LemFunction f, Varargs args) {
        return f.checkInt(args, 1);
    }

    private Varargs watch(int number) {
        String name = nameOf.get(number);
        if (name == null) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("unknown signal"));
        }
        if (watched.containsKey(number)) {
            return LuaValue.TRUE;
        }
        if (number == sigchld) {
            children.listen(this::childExited);
            watched.put(number, null);
            return LuaValue.TRUE;
        }
        try {
            watched.put(number, Signal.handle(byName.get(name), signal -> loop.post(() -> delivered(number))));
        } catch (IllegalArgumentException e) { // SEGV, QUIT and the like are the JVM's own
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(e.getMessage()));
        }
        return LuaValue.TRUE;
    }

    /** Puts back what the JVM did before: for SIGINT, SIGTERM, SIGHUP, exit with 128 + n. */
    private void unwatch(int number) {
        if (!watched.containsKey(number)) {
            return;
        }
        Signal.Handler before = watched.remove(number);
        if (number == sigchld) {
            children.listen(null);
        } else {
            Signal.handle(byName.get(nameOf.get(number)), before);
        }
    }

    private void delivered(int number) {
        if (watched.containsKey(number) && !dispatcher.isnil()) {
            loop.spawn(dispatcher, LuaValue.valueOf(number));
        }
    }

    private void childExited(Process child) {
        if (dispatcher.isnil()) {
            return;
        }
        LuaTable event = new LuaTable();
        event.set("pid", 0);
        event.set("rpid", LuaValue.valueOf(child.pid()));
        int status = child.exitValue();
        int signal = status - KILLED_BY_SIGNAL;
        if (signal > 0 && nameOf.containsKey(signal)) {
            event.set("type", "signaled");
            event.set("signal", signal);
            event.set("coredumped", LuaValue.FALSE);
        } else {
            event.set("type", "exited");
            event.set("status", status);
        }
        loop.spawn(dispatcher, LuaValue.varargsOf(LuaValue.valueOf(sigchld), event));
    }
}
