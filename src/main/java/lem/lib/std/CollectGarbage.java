package lem.lib.std;

import lem.lib.LemFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code collectgarbage} with Lua 5.2's options and results. The JVM's collector does the
 * work; the tuning options only remember their values, as they have nothing to tune here.
 */
final class CollectGarbage extends LemFunction {
    private boolean running = true;
    private int pause = 200;
    private int stepmul = 200;
    private int majorinc = 200;

    CollectGarbage() {
        super("collectgarbage");
    }

    @Override
    public Varargs invoke(Varargs args) {
        String option = optString(args, 1, LuaValue.valueOf("collect")).tojstring();
        int data = optInt(args, 2, 0);
        switch (option) {
            case "stop" -> running = false;
            case "restart" -> running = true;
            case "collect" -> System.gc();
            case "count" -> {
                Runtime rt = Runtime.getRuntime();
                long used = rt.totalMemory() - rt.freeMemory();
                return varargsOf(valueOf(used / 1024.0), valueOf((int) (used % 1024)));
            }
            case "step" -> {
                System.gc();
                return TRUE; // a full collection ends a cycle
            }
            case "setpause" -> {
                int previous = pause;
                pause = data;
                return valueOf(previous);
            }
            case "setstepmul" -> {
                int previous = stepmul;
                stepmul = data;
                return valueOf(previous);
            }
            case "setmajorinc" -> {
                int previous = majorinc;
                majorinc = data;
                return valueOf(previous);
            }
            case "isrunning" -> {
                return valueOf(running);
            }
            case "generational", "incremental" -> {
                return ZERO;
            }
            default -> throw argError(1, "invalid option '" + option + "'");
        }
        return ZERO;
    }
}
