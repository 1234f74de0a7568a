/* wasmloom's CoreMark-style workload, written from scratch for this project (no EEMBC code).
 *
 * Each iteration runs three kernels on data built once by `init`, and folds their results into
 * a CRC-16:
 *   - list:   find, sort (merge sort), and reverse on a linked list of small records;
 *   - matrix: integer matrix add, scalar / vector / matrix products, bit-field extraction;
 *   - text:   a state machine that splits a generated string into tokens and classifies them
 *             as integers, decimals, exponent numbers or invalid.
 * Every kernel restores the data it touched, so an iteration's result depends only on its seed.
 * Iterations run in cycles of CYCLE seeds; every cycle's CRC must equal CYCLE_CRC, or the run
 * fails. That validates all the work done, however many cycles run.
 *
 * The interface (CoreMark-minimal): imports `env.clock_ms: [] -> [i64]`, exports
 * `run: [] -> [f32]`, the score in iterations per second. Two more exports let a caller set the
 * amount of work: `run_ms(ms)` runs cycles until `ms` milliseconds have passed, and
 * `run_iterations(n)` runs `n` iterations rounded up to whole cycles. A failed validation returns
 * a negative score, -1 - crc, where crc is the cycle CRC that was computed.
 *
 * Freestanding: no libc, no memset or memcpy calls, nothing imported but the clock. Built by
 * build.sh; `native.c` builds the same file for the host to check it gives the same answers. */

typedef unsigned char u8;
typedef signed short i16;
typedef unsigned short u16;
typedef int i32;
typedef unsigned int u32;
typedef long long i64;

#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(name)))
__attribute__((import_module("env"), import_name("clock_ms"))) i64 clock_ms(void);
#else
#define EXPORT(name)
i64 clock_ms(void);
#endif

/* Seeds per cycle, and the CRC-16 of one cycle's iteration CRCs. */
#define CYCLE 8
#define CYCLE_CRC 0xdf2e
/* How long `run` measures. */
#define DEFAULT_MS 2000

/* ---- CRC-16/CCITT-FALSE (polynomial 0x1021, MSB first), bit by bit ------------------------- */

static u16 crc_byte(u16 crc, u8 byte) {
    crc ^= (u16)(byte << 8);
    for (int bit = 0; bit < 8; bit++)
        crc = (crc & 0x8000) ? (u16)((crc << 1) ^ 0x1021) : (u16)(crc << 1);
    return crc;
}

static u16 crc_u16(u16 crc, u16 value) {
    return crc_byte(crc_byte(crc, (u8)(value >> 8)), (u8)value);
}

static u16 crc_u32(u16 crc, u32 value) {
    return crc_u16(crc_u16(crc, (u16)(value >> 16)), (u16)value);
}

/* ---- Pseudo-random numbers: a 32-bit integer hash (for seeds) and xorshift32 (for data) ----- */

static u32 mix(u32 x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static u32 xorshift(u32 *state) {
    u32 x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* ---- List: records linked in key order; find, sort by value, reverse, restore ---------------- */

#define LIST_LEN 128
#define FINDS 12

typedef struct Record {
    struct Record *next;
    i16 key;
    i16 value;
} Record;

static Record records[LIST_LEN];
static Record *list_head;

static void list_init(void) {
    u32 state = 0x1234567U;
    for (int i = 0; i < LIST_LEN; i++) {
        records[i].key = (i16)(i * 3);
        records[i].value = (i16)((i32)(xorshift(&state) % 2001U) - 1000);
        records[i].next = i + 1 < LIST_LEN ? &records[i + 1] : 0;
    }
    list_head = &records[0];
}

/* The position of the first record with `key`, or -1. */
static i32 list_find_key(const Record *list, i16 key) {
    for (i32 pos = 0; list; list = list->next, pos++)
        if (list->key == key)
            return pos;
    return -1;
}

/* The first record whose value lies in [lo, hi], or null. */
static const Record *list_find_value(const Record *list, i16 lo, i16 hi) {
    for (; list; list = list->next)
        if (list->value >= lo && list->value <= hi)
            return list;
    return 0;
}

/* Whether `a` goes before `b`: by value, ties by key (a total order) when `by_value`. */
static int list_before(const Record *a, const Record *b, int by_value) {
    if (by_value && a->value != b->value)
        return a->value < b->value;
    return a->key <= b->key;
}

/* Merge sort, bottom-up: merges runs of width 1, 2, 4, ... until one run is left. */
static Record *list_sort(Record *list, int by_value) {
    for (i32 width = 1;; width *= 2) {
        Record *rest = list, *head = 0, **tail = &head;
        i32 merges = 0;
        while (rest) {
            merges++;
            Record *a = rest, *b = rest;
            i32 a_len = 0, b_len = width;
            while (a_len < width && b) {
                a_len++;
                b = b->next;
            }
            while (a_len > 0 || (b_len > 0 && b)) {
                Record *take;
                if (a_len == 0) {
                    take = b, b = b->next, b_len--;
                } else if (b_len == 0 || !b || list_before(a, b, by_value)) {
                    take = a, a = a->next, a_len--;
                } else {
                    take = b, b = b->next, b_len--;
                }
                *tail = take;
                tail = &take->next;
            }
            rest = b;
        }
        *tail = 0;
        list = head;
        if (merges <= 1)
            return list;
    }
}

static Record *list_reverse(Record *list) {
    Record *done = 0;
    while (list) {
        Record *next = list->next;
        list->next = done;
        done = list;
        list = next;
    }
    return done;
}

/* Negates the values of the records with keys in [lo, hi). */
static void list_negate(Record *list, i16 lo, i16 hi) {
    for (; list; list = list->next)
        if (list->key >= lo && list->key < hi)
            list->value = (i16)-list->value;
}

static u16 list_bench(u32 seed, u16 crc) {
    /* Finds: some keys exist (multiples of 3), some do not. */
    i32 found = 0, missed = 0;
    for (u32 f = 0; f < FINDS; f++) {
        i16 key = (i16)(mix(seed * FINDS + f) % (LIST_LEN * 3));
        i32 pos = list_find_key(list_head, key);
        if (pos >= 0)
            found += pos;
        else
            missed++;
        i16 lo = (i16)((i32)(mix(key) % 1800U) - 900);
        const Record *r = list_find_value(list_head, lo, (i16)(lo + 40));
        crc = crc_u16(crc, r ? (u16)r->key : 0xffffU);
    }
    crc = crc_u32(crc, (u32)found);
    crc = crc_u16(crc, (u16)missed);

    /* Sort a partly negated list by value; fold the order of its keys. */
    i16 lo = (i16)(mix(seed) % (LIST_LEN * 3));
    i16 hi = (i16)(lo + LIST_LEN);
    list_negate(list_head, lo, hi);
    list_head = list_sort(list_head, 1);
    u32 order = 0;
    for (const Record *r = list_head; r; r = r->next)
        order = order * 31U + (u32)(u16)r->key;
    crc = crc_u32(crc, order);

    /* Reverse it; fold the values weighted by position. */
    list_head = list_reverse(list_head);
    u32 weighted = 0, pos = 1;
    for (const Record *r = list_head; r; r = r->next, pos++)
        weighted += pos * (u32)(i32)r->value;
    crc = crc_u32(crc, weighted);

    /* Restore: values back, list back in key order. */
    list_negate(list_head, lo, hi);
    list_head = list_sort(list_head, 0);
    return crc_u16(crc, (u16)list_head->key);
}

/* ---- Matrix: add, products, bit extraction --------------------------------------------------- */

#define MAT_N 20

static i16 mat_a[MAT_N][MAT_N];
static i16 mat_b[MAT_N][MAT_N];
static i32 mat_c[MAT_N][MAT_N];
static i16 mat_v[MAT_N];

static void matrix_init(void) {
    u32 state = 0x9e3779b9U;
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            mat_a[i][j] = (i16)((i32)(xorshift(&state) % 512U) - 256);
            mat_b[i][j] = (i16)((i32)(xorshift(&state) % 128U) - 64);
        }
        mat_v[i] = (i16)((i32)(xorshift(&state) % 64U) - 32);
    }
}

static void matrix_add(i16 m[MAT_N][MAT_N], i16 k) {
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++)
            m[i][j] = (i16)(m[i][j] + k);
}

static void matrix_scale(i32 out[MAT_N][MAT_N], i16 m[MAT_N][MAT_N], i16 k) {
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++)
            out[i][j] = (i32)m[i][j] * k;
}

static void matrix_times_vector(i32 out[MAT_N], i16 m[MAT_N][MAT_N], const i16 v[MAT_N]) {
    for (int i = 0; i < MAT_N; i++) {
        i32 sum = 0;
        for (int j = 0; j < MAT_N; j++)
            sum += (i32)m[i][j] * v[j];
        out[i] = sum;
    }
}

static void matrix_times_matrix(i32 out[MAT_N][MAT_N], i16 a[MAT_N][MAT_N],
                                i16 b[MAT_N][MAT_N]) {
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            i32 sum = 0;
            for (int k = 0; k < MAT_N; k++)
                sum += (i32)a[i][k] * b[k][j];
            out[i][j] = sum;
        }
}

/* Sums a bit field of every element, and counts the elements whose field passes `limit`. */
static u32 matrix_bits(i32 m[MAT_N][MAT_N], u32 shift, u32 limit) {
    u32 sum = 0, over = 0;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            u32 field = ((u32)m[i][j] >> shift) & 0x7fU;
            sum += field;
            over += field > limit;
        }
    return sum ^ (over << 20);
}

static u16 matrix_bench(u32 seed, u16 crc) {
    i16 k = (i16)((i32)(mix(seed ^ 0x5bd1e995U) % 64U) - 32);
    matrix_add(mat_a, k);

    matrix_scale(mat_c, mat_a, (i16)(k | 1));
    crc = crc_u32(crc, matrix_bits(mat_c, 2, 60));

    i32 column[MAT_N];
    matrix_times_vector(column, mat_a, mat_v);
    u32 folded = 0;
    for (int i = 0; i < MAT_N; i++)
        folded = (folded << 3 | folded >> 29) ^ (u32)column[i];
    crc = crc_u32(crc, folded);

    matrix_times_matrix(mat_c, mat_a, mat_b);
    crc = crc_u32(crc, matrix_bits(mat_c, 5, 90));

    matrix_add(mat_a, (i16)-k);
    return crc;
}

/* ---- Text: a state machine classifying comma- and space-separated tokens --------------------- */

#define TEXT_LEN 384
#define EDITS 6

static u8 text[TEXT_LEN];

enum State { START, SIGN, INT, POINT, FRAC, EXP, EXP_SIGN, EXP_INT, INVALID, STATES };
enum Kind { KIND_INT, KIND_DECIMAL, KIND_EXPONENT, KIND_INVALID, KINDS };

static const char *const samples[] = {
    "0",     "42",     "-17",    "+8",  "3.25", "-0.5",  "6.02e23", "1e-9", "7E+2",
    "12ab",  "x9",     ".",      "-",   "4.e",  "1.2.3", "99999",   "0.125",
};
#define SAMPLES ((u32)(sizeof(samples) / sizeof(samples[0])))

static void text_init(void) {
    u32 state = 0xc0ffeeU;
    u32 len = 0;
    while (len < TEXT_LEN - 1) {
        const char *s = samples[xorshift(&state) % SAMPLES];
        for (; *s && len < TEXT_LEN - 1; s++)
            text[len++] = (u8)*s;
        if (len < TEXT_LEN - 1)
            text[len++] = (xorshift(&state) & 3U) ? ',' : ' ';
    }
    text[len] = 0;
}

static int is_digit(u8 c) { return c >= '0' && c <= '9'; }

static enum State step(enum State s, u8 c) {
    switch (s) {
    case START:
        if (is_digit(c)) return INT;
        if (c == '+' || c == '-') return SIGN;
        if (c == '.') return POINT;
        return INVALID;
    case SIGN:
        if (is_digit(c)) return INT;
        if (c == '.') return POINT;
        return INVALID;
    case INT:
        if (is_digit(c)) return INT;
        if (c == '.') return POINT;
        if (c == 'e' || c == 'E') return EXP;
        return INVALID;
    case POINT:
    case FRAC:
        if (is_digit(c)) return FRAC;
        if (s == FRAC && (c == 'e' || c == 'E')) return EXP;
        return INVALID;
    case EXP:
        if (is_digit(c)) return EXP_INT;
        if (c == '+' || c == '-') return EXP_SIGN;
        return INVALID;
    case EXP_SIGN:
    case EXP_INT:
        return is_digit(c) ? EXP_INT : INVALID;
    default:
        return INVALID;
    }
}

static enum Kind classify(enum State s) {
    switch (s) {
    case INT: return KIND_INT;
    case FRAC: return KIND_DECIMAL;
    case EXP_INT: return KIND_EXPONENT;
    default: return KIND_INVALID;
    }
}

/* Scans the text once; folds the count of each token kind and of each state entered. */
static u16 text_scan(u16 crc) {
    u32 kinds[KINDS] = {0}, entered[STATES] = {0};
    enum State s = START;
    int in_token = 0;
    for (u32 i = 0;; i++) {
        u8 c = text[i];
        if (c == 0 || c == ',' || c == ' ') {
            if (in_token)
                kinds[classify(s)]++;
            s = START;
            in_token = 0;
            if (c == 0)
                break;
            continue;
        }
        in_token = 1;
        enum State next = step(s, c);
        if (next != s)
            entered[next]++;
        s = next;
    }
    for (int k = 0; k < KINDS; k++)
        crc = crc_u16(crc, (u16)kinds[k]);
    for (int k = 0; k < STATES; k++)
        crc = crc_u16(crc, (u16)entered[k]);
    return crc;
}

static u16 text_bench(u32 seed, u16 crc) {
    static const char replacements[] = "0123456789+-.eE,x ";
    u32 pos[EDITS];
    u8 saved[EDITS];
    for (u32 e = 0; e < EDITS; e++) {
        u32 h = mix(seed * EDITS + e + 0x100U);
        pos[e] = h % (TEXT_LEN - 1);
        saved[e] = text[pos[e]];
        text[pos[e]] = (u8)replacements[(h >> 16) % (sizeof(replacements) - 1)];
    }
    crc = text_scan(crc);
    for (u32 e = EDITS; e-- > 0;)
        text[pos[e]] = saved[e];
    return text_scan(crc);
}

/* ---- The driver -------------------------------------------------------------------------------- */

static void init(void) {
    list_init();
    matrix_init();
    text_init();
}

static u16 iteration(u32 seed) {
    u16 crc = crc_u16(0xffffU, (u16)seed);
    crc = list_bench(seed, crc);
    crc = matrix_bench(seed, crc);
    return text_bench(seed, crc);
}

/* Runs seeds 0..CYCLE-1; returns the CRC of their CRCs. */
static u16 cycle(void) {
    u16 crc = 0xffffU;
    for (u32 seed = 0; seed < CYCLE; seed++)
        crc = crc_u16(crc, iteration(seed));
    return crc;
}

/* Runs whole cycles until `max_iterations` are done or `max_ms` have passed, at least one. */
static float bench(u32 max_iterations, i64 max_ms) {
    init();
    i64 start = clock_ms();
    u32 iterations = 0;
    i64 elapsed;
    do {
        u16 crc = cycle();
        if (crc != CYCLE_CRC)
            return -1.0f - (float)crc;
        iterations += CYCLE;
        elapsed = clock_ms() - start;
    } while (iterations < max_iterations && elapsed < max_ms);
    /* A clock too coarse for a short run: count at least one millisecond. */
    if (elapsed < 1)
        elapsed = 1;
    return (float)iterations * 1000.0f / (float)elapsed;
}

EXPORT("run") float run(void) { return bench(0xffffffffU, DEFAULT_MS); }

EXPORT("run_ms") float run_ms(i32 ms) { return bench(0xffffffffU, ms); }

EXPORT("run_iterations") float run_iterations(i32 n) {
    return bench(n > 0 ? (u32)n : 1U, (i64)1 << 62);
}
