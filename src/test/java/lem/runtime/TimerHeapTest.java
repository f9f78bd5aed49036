package lem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerHeapTest {
    @Test
    void firesByDeadlineThenByArmingOrder() {
        TimerHeap heap = new TimerHeap();
        List<String> fired = new ArrayList<>();
        heap.add(30, () -> fired.add("c"));
        heap.add(10, () -> fired.add("a1"));
        heap.add(20, () -> fired.add("b"));
        heap.add(10, () -> fired.add("a2"));
        assertNull(heap.pollDue(9));
        Timer t;
        while ((t = heap.pollDue(100)) != null) {
            t.action.run();
        }
        assertEquals(List.of("a1", "a2", "b", "c"), fired);
        assertEquals(0, heap.size());
    }

    @Test
    void cancelRemovesAtOnceAndTwiceIsHarmless() {
        TimerHeap heap = new TimerHeap();
        Timer a = heap.add(5, () -> { });
        Timer b = heap.add(6, () -> { });
        a.cancel();
        a.cancel();
        assertFalse(a.isArmed());
        assertTrue(b.isArmed());
        assertEquals(1, heap.size());
        assertEquals(b, heap.first());
    }

    @Test
    void randomAddsAndCancelsKeepHeapOrder() {
        TimerHeap heap = new TimerHeap();
        Random random = new Random(42);
        List<Timer> live = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                live.remove(random.nextInt(live.size())).cancel();
            } else {
                live.add(heap.add(random.nextInt(1000), () -> { }));
            }
        }
        assertEquals(live.size(), heap.size());
        long last = Long.MIN_VALUE;
        Timer t;
        int count = 0;
        while ((t = heap.pollDue(Long.MAX_VALUE / 2)) != null) {
            assertTrue(t.deadline() >= last, "deadlines come in order");
            last = t.deadline();
            count++;
        }
        assertEquals(live.size(), count);
    }
}
