/* Measures byte stores in strided loops: the sieve of Eratosthenes, counting primes. */
#include "../guest.h"

#define LIMIT 8000000

static uint8_t composite[LIMIT];

/* Returns the number of primes p < LIMIT. */
EXPORT("run") long long run(void) {
    for (int i = 0; i < LIMIT; i++) composite[i] = 0;
    long long count = 0;
    for (int i = 2; i < LIMIT; i++) {
        if (composite[i]) continue;
        count++;
        if (i <= (LIMIT - 1) / i) {
            for (int j = i * i; j < LIMIT; j += i) composite[j] = 1;
        }
    }
    return count;
}
