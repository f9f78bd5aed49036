package lem.lib.http;

/**
 * The byte classes of lem's HTTP grammar (reference 11.2). Every byte of 128 and above is
 * {@link #ETC}; a "token character" is {@link #DOT}, {@link #DIGIT}, {@link #H}, {@link #T},
 * {@link #P} or {@link #ETC}.
 */
final class HttpChars {
    static final byte CTL = 0;
    static final byte LF = 1;
    static final byte CR = 2;
    static final byte LWS = 3;
    static final byte TSPECIAL = 4;
    static final byte SLASH = 5;
    static final byte COLON = 6;
    static final byte DOT = 7;
    static final byte DIGIT = 8;
    static final byte H = 9;
    static final byte T = 10;
    static final byte P = 11;
    static final byte ETC = 12;

    private static final byte[] CLASS = new byte[256];

    static {
        java.util.Arrays.fill(CLASS, ETC);
        for (int c = 0; c < 32; c++) {
            CLASS[c] = CTL;
        }
        CLASS[127] = CTL;
        CLASS['\n'] = LF;
        CLASS['\r'] = CR;
        CLASS[' '] = LWS;
        CLASS['\t'] = LWS;
        for (char c : "\"(),;<=>?@[\\]{}".toCharArray()) {
            CLASS[c] = TSPECIAL;
        }
        CLASS['/'] = SLASH;
        CLASS[':'] = COLON;
        CLASS['.'] = DOT;
        for (int c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        CLASS['H'] = H;
        CLASS['h'] = H;
        CLASS['T'] = T;
        CLASS['t'] = T;
        CLASS['P'] = P;
        CLASS['p'] = P;
    }

    private HttpChars() {
    }

    static byte of(int b) {
        return CLASS[b & 0xff];
    }

    static boolean isToken(byte cls) {
        return cls >= DOT;
    }

    /** Bytes a header value, a URI or a reason phrase may not hold. */
    static boolean isControl(byte cls) {
        return cls <= CR;
    }
}
