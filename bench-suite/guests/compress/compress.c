/* Measures byte loads, hashing and match search: an LZ77 compress + decompress round trip. */
#include "../text.h"

#define TEXT_CAPACITY (1 << 19)
#define HASH_BITS 12
#define MAX_CHAIN 16
#define MIN_MATCH 3
#define MAX_MATCH (MIN_MATCH + 127)
#define WINDOW 65536

static uint8_t text[TEXT_CAPACITY];
static size_t text_len;
static int ready;

/* Worst case: every byte a literal, one control byte per 128 literals. */
static uint8_t packed[TEXT_CAPACITY + TEXT_CAPACITY / 128 + 16];
static uint8_t unpacked[TEXT_CAPACITY];
static int32_t head[1 << HASH_BITS];
static int32_t prev[TEXT_CAPACITY];

/* Generates the input text (not timed when the harness calls it; run calls it if nobody did). */
EXPORT("setup") void setup(void) {
    text_len = generate_text(text, TEXT_CAPACITY, 0xC0FFEE);
    ready = 1;
}

static uint32_t hash3(const uint8_t *p) {
    uint32_t x = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
    return (x * 2654435761u) >> (32 - HASH_BITS);
}

/* Format: a control byte c < 0x80 starts c + 1 literal bytes; c >= 0x80 is a match of length
 * (c & 0x7f) + MIN_MATCH at distance (next two bytes, little-endian) + 1. */
static size_t compress(const uint8_t *in, size_t n, uint8_t *out) {
    for (int h = 0; h < (1 << HASH_BITS); h++) head[h] = -1;
    size_t o = 0, literals = 0, i = 0;
    while (i + MIN_MATCH <= n) {
        uint32_t h = hash3(in + i);
        size_t limit = n - i < MAX_MATCH ? n - i : MAX_MATCH;
        size_t best_len = 0, best_dist = 0;
        int32_t cand = head[h];
        for (int chain = 0; cand >= 0 && i - (size_t)cand <= WINDOW && chain < MAX_CHAIN; chain++) {
            size_t len = 0;
            while (len < limit && in[cand + len] == in[i + len]) len++;
            if (len > best_len) {
                best_len = len;
                best_dist = i - (size_t)cand;
                if (len == limit) break;
            }
            cand = prev[cand];
        }
        prev[i] = head[h];
        head[h] = (int32_t)i;
        if (best_len < MIN_MATCH) {
            i++;
            continue;
        }
        while (literals < i) {
            size_t run = i - literals < 128 ? i - literals : 128;
            out[o++] = (uint8_t)(run - 1);
            for (size_t k = 0; k < run; k++) out[o++] = in[literals++];
        }
        out[o++] = (uint8_t)(0x80 | (best_len - MIN_MATCH));
        out[o++] = (uint8_t)(best_dist - 1);
        out[o++] = (uint8_t)((best_dist - 1) >> 8);
        for (size_t k = i + 1; k < i + best_len && k + MIN_MATCH <= n; k++) {
            uint32_t hk = hash3(in + k);
            prev[k] = head[hk];
            head[hk] = (int32_t)k;
        }
        i += best_len;
        literals = i;
    }
    while (literals < n) {
        size_t run = n - literals < 128 ? n - literals : 128;
        out[o++] = (uint8_t)(run - 1);
        for (size_t k = 0; k < run; k++) out[o++] = in[literals++];
    }
    return o;
}

/* Returns the unpacked length, or (size_t)-1 on a malformed stream. */
static size_t decompress(const uint8_t *in, size_t n, uint8_t *out, size_t capacity) {
    size_t i = 0, o = 0;
    while (i < n) {
        uint8_t c = in[i++];
        if (c < 0x80) {
            size_t run = (size_t)c + 1;
            if (i + run > n || o + run > capacity) return (size_t)-1;
            for (size_t k = 0; k < run; k++) out[o++] = in[i++];
        } else {
            if (i + 2 > n) return (size_t)-1;
            size_t len = (size_t)(c & 0x7f) + MIN_MATCH;
            size_t dist = ((size_t)in[i] | (size_t)in[i + 1] << 8) + 1;
            i += 2;
            if (dist > o || o + len > capacity) return (size_t)-1;
            for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist];
        }
    }
    return o;
}

/* Returns compressed size ^ FNV-1a of the round-tripped text, or -1 if that differs from the
 * input. */
EXPORT("run") long long run(void) {
    if (!ready) setup();
    size_t packed_len = compress(text, text_len, packed);
    size_t unpacked_len = decompress(packed, packed_len, unpacked, TEXT_CAPACITY);
    if (unpacked_len != text_len) return -1;
    uint64_t checksum = 0xCBF29CE484222325ULL;
    for (size_t i = 0; i < unpacked_len; i++) {
        if (unpacked[i] != text[i]) return -1;
        checksum = (checksum ^ unpacked[i]) * 0x100000001B3ULL;
    }
    return (long long)((uint64_t)packed_len ^ checksum);
}
