package lem.runtime;

import java.util.Arrays;

/**
 * A binary min-heap of timers by deadline, then by arming order, so that timers due at the same
 * moment fire first-armed first. Each timer knows its slot, so cancelling is O(log n) and a
 * server that re-arms idle timeouts all day leaves no garbage behind.
 */
final class TimerHeap {
    private Timer[] heap = new Timer[64];
    private int size;
    private long sequence;

    Timer add(long deadline, Runnable action) {
        Timer timer = new Timer(this, deadline, sequence++, action);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        timer.index = size;
        heap[size++] = timer;
        siftUp(timer.index);
        return timer;
    }

    int size() {
        return size;
    }

    Timer first() {
        return size == 0 ? null : heap[0];
    }

    /** Removes and returns the first timer if it is due at {@code now}, else null. */
    Timer pollDue(long now) {
        if (size == 0 || heap[0].deadline - now > 0) {
            return null;
        }
        Timer timer = heap[0];
        remove(timer);
        return timer;
    }

    void remove(Timer timer) {
        int i = timer.index;
        if (i < 0) {
            return;
        }
        timer.index = -1;
        Timer last = heap[--size];
        heap[size] = null;
        if (i == size) {
            return;
        }
        heap[i] = last;
        last.index = i;
        siftDown(i);
        if (heap[i] == last) {
            siftUp(i);
        }
    }

    private void siftUp(int i) {
        Timer timer = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!timer.before(heap[parent])) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(timer, i);
    }

    private void siftDown(int i) {
        Timer timer = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1].before(heap[child])) {
                child++;
            }
            if (!heap[child].before(timer)) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(timer, i);
    }

    private void place(Timer timer, int i) {
        heap[i] = timer;
        timer.index = i;
    }
}
