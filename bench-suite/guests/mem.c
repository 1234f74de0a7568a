/* memcpy, memmove and memset for the C guests, which link no libc: the compiler emits calls to
 * them for array copies and for loops it recognises. Built with -fno-builtin, so that these
 * loops are not turned back into calls to themselves. Eight bytes at a time when aligned. */
#include <stddef.h>
#include <stdint.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
        for (; n >= 8; n -= 8, d += 8, s += 8) __builtin_memcpy(d, s, 8);
    }
    while (n--) *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d <= s || d >= s + n) return memcpy(dst, src, n);
    /* Overlapping with the destination above: copy from the end down. */
    while (n--) d[n] = s[n];
    return dst;
}

void *memset(void *dst, int value, size_t n) {
    unsigned char *d = dst;
    if (((uintptr_t)d & 7) == 0 && n >= 8) {
        uint64_t word = (unsigned char)value * 0x0101010101010101ULL;
        for (; n >= 8; n -= 8, d += 8) __builtin_memcpy(d, &word, 8);
    }
    while (n--) *d++ = (unsigned char)value;
    return dst;
}
