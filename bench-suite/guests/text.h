/* Generated English-like text for the text guests (compress, word-count): words drawn with a
 * skew from a vocabulary of syllable words (a few with two-byte UTF-8 letters), spaces, commas,
 * full stops, capitals after a stop, and a line break before column 72. */
#ifndef WASMLOOM_TEXT_H
#define WASMLOOM_TEXT_H

#include "guest.h"

#define VOCABULARY 256

/* Writes at most `capacity` bytes of text into `out`, returns the length written. */
static size_t generate_text(uint8_t *out, size_t capacity, uint64_t seed) {
    static const char *const syllables[16] = {
        "an", "be", "ko", "lu", "mi", "ra", "se", "to",
        "ul", "ve", "wy", "zo", "qu", "\xc3\xa9", "\xc3\xbc", "ne",
    };
    /* The vocabulary: word k is 1 to 4 syllables, stored as offsets into one pool. */
    static char pool[VOCABULARY * 8];
    static uint16_t start[VOCABULARY + 1];
    size_t used = 0;
    for (int k = 0; k < VOCABULARY; k++) {
        start[k] = (uint16_t)used;
        uint64_t r = rng_next(&seed);
        int count = 1 + (int)(r & 3);
        for (int s = 0; s < count; s++) {
            const char *syl = syllables[(r >> (8 + 4 * s)) & 15];
            while (*syl) pool[used++] = *syl++;
        }
    }
    start[VOCABULARY] = (uint16_t)used;

    size_t len = 0, column = 0;
    int capital = 1;
    while (len + 16 < capacity) {
        uint64_t r = rng_next(&seed);
        /* Skewed towards the first words, as in real text. */
        int k = (int)(((r & 255) * ((r >> 8) & 255)) >> 8);
        size_t word_start = len;
        for (int i = start[k]; i < start[k + 1]; i++) out[len++] = (uint8_t)pool[i];
        if (capital && out[word_start] >= 'a' && out[word_start] <= 'z') out[word_start] -= 32;
        column += len - word_start;
        capital = 0;
        int punct = (int)((r >> 16) & 31);
        if (punct == 0) {
            out[len++] = '.';
            column++;
            capital = 1;
        } else if (punct < 3) {
            out[len++] = ',';
            column++;
        }
        if (column >= 64) {
            out[len++] = '\n';
            column = 0;
        } else {
            out[len++] = ' ';
            column++;
        }
    }
    out[len++] = '\n';
    return len;
}

#endif
