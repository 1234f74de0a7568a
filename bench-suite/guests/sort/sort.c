/* Measures array indexing, compares and swaps: quicksort of pseudo-random i32s, then a checksum. */
#include "../guest.h"

#define COUNT 400000

static int32_t data[COUNT];

static void swap(int32_t *a, int i, int j) {
    int32_t t = a[i];
    a[i] = a[j];
    a[j] = t;
}

/* Sorts a[lo..=hi]: Hoare partition around a median of three, recursing into the smaller part
 * and looping on the larger; short ranges finish by insertion sort. */
static void sort_range(int32_t *a, int lo, int hi) {
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) swap(a, lo, mid);
        if (a[hi] < a[lo]) swap(a, lo, hi);
        if (a[hi] < a[mid]) swap(a, mid, hi);
        int32_t pivot = a[mid];
        int i = lo - 1, j = hi + 1;
        for (;;) {
            do i++; while (a[i] < pivot);
            do j--; while (a[j] > pivot);
            if (i >= j) break;
            swap(a, i, j);
        }
        if (j - lo < hi - j) {
            sort_range(a, lo, j);
            lo = j + 1;
        } else {
            sort_range(a, j + 1, hi);
            hi = j;
        }
    }
    for (int i = lo + 1; i <= hi; i++) {
        int32_t v = a[i];
        int k = i - 1;
        while (k >= lo && a[k] > v) {
            a[k + 1] = a[k];
            k--;
        }
        a[k + 1] = v;
    }
}

/* Fills the array, sorts it, and returns a position-weighted checksum (-1 if not sorted). */
EXPORT("run") long long run(void) {
    uint64_t seed = 0x5EED0001ULL;
    for (int i = 0; i < COUNT; i++) data[i] = (int32_t)(rng_next(&seed) >> 32);
    sort_range(data, 0, COUNT - 1);
    uint64_t sum = 0;
    for (int i = 0; i < COUNT; i++) {
        if (i > 0 && data[i - 1] > data[i]) return -1;
        sum = sum * 31 + (uint32_t)data[i];
    }
    return (long long)sum;
}
