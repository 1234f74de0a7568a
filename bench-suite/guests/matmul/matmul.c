/* Measures f64 multiply-adds and 2-D indexing: a dense N x N matrix product, checksummed. */
#include "../guest.h"

#define N 200

static double a[N][N], b[N][N], c[N][N];

/* Every entry is a small multiple of 1/8, so every sum is exact whatever the order of the adds:
 * returns 8 * (a weighted sum of all of C's entries), an integer. */
EXPORT("run") long long run(void) {
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)((i * 7 + j * 3) % 17 - 8) * 0.25;
            b[i][j] = (double)((i * 5 + j * 11) % 13 - 6) * 0.5;
            c[i][j] = 0.0;
        }
    }
    for (int i = 0; i < N; i++) {
        for (int k = 0; k < N; k++) {
            double aik = a[i][k];
            for (int j = 0; j < N; j++) c[i][j] += aik * b[k][j];
        }
    }
    double sum = 0.0;
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) sum += c[i][j] * (double)((i * 3 + j) % 7 + 1);
    }
    return (long long)(sum * 8.0);
}
