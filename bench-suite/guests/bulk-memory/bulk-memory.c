/* Measures memory.fill and memory.copy: random fills and moves, 1 byte to 64 KiB, in 1 MiB. */
#include "../guest.h"

/* scripts/build-guests adds -mbulk-memory here, so the __builtin_mem* calls below compile to
 * memory.fill / memory.copy instructions rather than calls. */

#define ARENA_SIZE (1 << 20)
#define OPERATIONS 800000

static uint8_t arena[ARENA_SIZE];

/* Each operation is a fill (1 in 4) or an overlapping-safe move (3 in 4) of 1 byte to 64 KiB,
 * sizes spread over six powers-of-four classes; returns a checksum of the arena. */
EXPORT("run") long long run(void) {
    uint64_t seed = 0xB01CULL;
    __builtin_memset(arena, 0x5A, ARENA_SIZE);
    for (int op = 0; op < OPERATIONS; op++) {
        uint64_t r = rng_next(&seed);
        uint32_t size_class = (uint32_t)(r % 6);            /* sizes up to 4^(class + 3) bytes */
        uint32_t len = 1 + (uint32_t)((r >> 8) & ((4u << (2 * (size_class + 2))) - 1));
        uint32_t dst = (uint32_t)(r >> 24 & 0xFFFFF) % (ARENA_SIZE - len + 1);
        uint32_t src = (uint32_t)(r >> 44 & 0xFFFFF) % (ARENA_SIZE - len + 1);
        if ((r >> 4 & 3) == 0) __builtin_memset(arena + dst, (int)(r >> 12 & 0xFF), len);
        else __builtin_memmove(arena + dst, arena + src, len);
    }
    uint64_t sum = 0;
    for (uint32_t i = 0; i < ARENA_SIZE; i += 8) {
        uint64_t w;
        __builtin_memcpy(&w, arena + i, 8);
        sum = (sum ^ w) * 0x100000001B3ULL;
    }
    return (long long)sum;
}
