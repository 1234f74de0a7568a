/* The workload built for the host, to check that it validates outside any Wasm runtime:
 * `cc -O2 native.c && ./a.out [ITERATIONS]` prints the score, negative on a CRC mismatch
 * (-1 - crc: the cycle CRC it computed). build.sh runs it after each rebuild. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "coremark.c"

i64 clock_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (i64)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

int main(int argc, char **argv) {
    i32 iterations = argc > 1 ? atoi(argv[1]) : 0;
    float score = iterations > 0 ? run_iterations(iterations) : run();
    printf("%.1f\n", score);
    return score > 0 ? 0 : 1;
}
