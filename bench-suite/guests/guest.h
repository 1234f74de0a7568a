/* Shared by the C guests: fixed-width types and the export macro. Built for wasm32 by
 * scripts/build-guests (freestanding, no imports); built natively with gcc by
 * `scripts/build-guests --native` to compute the expected results independently. */
#ifndef WASMLOOM_GUEST_H
#define WASMLOOM_GUEST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __wasm__
#define EXPORT(name) __attribute__((export_name(name)))
#else
#define EXPORT(name)
#endif

/* A small deterministic PRNG (xorshift64*), for generated inputs. */
static inline uint64_t rng_next(uint64_t *state) {
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

#endif
