/* Measures a byte scan with classification branches: wc's lines, words and UTF-8 chars. */
#include "../text.h"

#define TEXT_CAPACITY 3000000

static uint8_t text[TEXT_CAPACITY];
static size_t text_len;
static int ready;

/* Generates the input text (not timed when the harness calls it; run calls it if nobody did). */
EXPORT("setup") void setup(void) {
    text_len = generate_text(text, TEXT_CAPACITY, 0x5EED7E47ULL);
    ready = 1;
}

/* Returns lines << 44 | words << 22 | characters (each below 2^22: the text is under 4 MiB).
 * A word is a maximal run of bytes other than space, tab, CR and LF; a character is a byte that
 * is not a UTF-8 continuation byte. */
EXPORT("run") long long run(void) {
    if (!ready) setup();
    uint64_t lines = 0, words = 0, chars = 0;
    int in_word = 0;
    for (size_t i = 0; i < text_len; i++) {
        uint8_t b = text[i];
        if ((b & 0xC0) != 0x80) chars++;
        if (b == '\n') lines++;
        int space = b == ' ' || b == '\n' || b == '\t' || b == '\r';
        if (!space && !in_word) words++;
        in_word = !space;
    }
    return (long long)(lines << 44 | words << 22 | chars);
}
