package lem.lib.std;

/**
 * The generator behind glibc's rand()/srand(), which Lua 5.2's math.random uses: an additive
 * feedback generator over 31 words (glibc's TYPE_3), seeded by a Lehmer sequence. With it a
 * seeded (or unseeded) script draws the same numbers under lem as under lua5.2.
 */
final class GlibcRandom {
    static final int RAND_MAX = 2147483647;
    private static final int DEGREE = 31;
    private static final int SEPARATION = 3;

    private final int[] state = new int[DEGREE];
    private int front;
    private int rear;

    GlibcRandom() {
        seed(1); // the state of a program that never called srand
    }

    void seed(int seed) {
        if (seed == 0) {
            seed = 1;
        }
        state[0] = seed;
        int word = seed;
        for (int i = 1; i < DEGREE; i++) {
            // word = 16807 * word % 2147483647, in 31 bits (Schrage's method), on signed words
            int hi = word / 127773;
            int lo = word % 127773;
            word = 16807 * lo - 2836 * hi;
            if (word < 0) {
                word += 2147483647;
            }
            state[i] = word;
        }
        front = SEPARATION;
        rear = 0;
        for (int i = 0; i < 10 * DEGREE; i++) {
            next();
        }
    }

    /** The next value in [0, RAND_MAX]. */
    int next() {
        state[front] += state[rear];
        int result = state[front] >>> 1;
        front = (front + 1) % DEGREE;
        rear = (rear + 1) % DEGREE;
        return result;
    }
}
