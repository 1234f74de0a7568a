/* Measures 64-bit add/xor/rotate chains: a BLAKE2b-shaped compression function, own rounds. */
#include "../guest.h"

#define BUFFER_SIZE 16384
#define PASSES 160
#define ROUNDS 10

static uint8_t buffer[BUFFER_SIZE];
static uint64_t iv[8];

static inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static inline uint64_t load64(const uint8_t *p) {
    uint64_t w;
    __builtin_memcpy(&w, p, 8); /* little-endian on wasm32 and on x86-64 alike */
    return w;
}

/* The quarter-round: two add-xor-rotate steps per message word (our own rotation counts). */
#define MIX(a, b, c, d, x, y)              \
    do {                                   \
        v[a] = v[a] + v[b] + (x);          \
        v[d] = rotr(v[d] ^ v[a], 29);      \
        v[c] = v[c] + v[d];                \
        v[b] = rotr(v[b] ^ v[c], 17);      \
        v[a] = v[a] + v[b] + (y);          \
        v[d] = rotr(v[d] ^ v[a], 11);      \
        v[c] = v[c] + v[d];                \
        v[b] = rotr(v[b] ^ v[c], 53);      \
    } while (0)

/* Compresses one 128-byte block into h: a 16-word working state, ROUNDS rounds of column then
 * diagonal mixes, message words picked by the permutation i -> (7 i + 3 r) mod 16 in round r. */
static void compress(uint64_t h[8], const uint8_t *block, uint64_t counter, int last) {
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++) m[i] = load64(block + 8 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = h[i];
        v[i + 8] = iv[i];
    }
    v[12] ^= counter;
    if (last) v[14] = ~v[14];
    for (int r = 0; r < ROUNDS; r++) {
        int s[16];
        for (int i = 0; i < 16; i++) s[i] = (7 * i + 3 * r) & 15;
        MIX(0, 4, 8, 12, m[s[0]], m[s[1]]);
        MIX(1, 5, 9, 13, m[s[2]], m[s[3]]);
        MIX(2, 6, 10, 14, m[s[4]], m[s[5]]);
        MIX(3, 7, 11, 15, m[s[6]], m[s[7]]);
        MIX(0, 5, 10, 15, m[s[8]], m[s[9]]);
        MIX(1, 6, 11, 12, m[s[10]], m[s[11]]);
        MIX(2, 7, 8, 13, m[s[12]], m[s[13]]);
        MIX(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
}

/* Hashes the buffer PASSES times, each pass keyed by the previous digest; returns the last
 * digest's words folded into one. */
EXPORT("run") long long run(void) {
    uint64_t seed = 0x6C6F6F6D68617368ULL; /* "loomhash" */
    for (int i = 0; i < 8; i++) iv[i] = rng_next(&seed) | 1;
    for (int i = 0; i < BUFFER_SIZE; i++) buffer[i] = (uint8_t)(rng_next(&seed) >> 56);
    uint64_t h[8];
    for (int i = 0; i < 8; i++) h[i] = iv[i];
    for (int pass = 0; pass < PASSES; pass++) {
        h[0] ^= 0x0101000000000040ULL ^ (uint64_t)pass;
        for (int off = 0; off < BUFFER_SIZE; off += 128) {
            compress(h, buffer + off, (uint64_t)(off + 128), off + 128 == BUFFER_SIZE);
        }
    }
    uint64_t folded = 0;
    for (int i = 0; i < 8; i++) folded = rotr(folded, 8) ^ h[i];
    return (long long)folded;
}
