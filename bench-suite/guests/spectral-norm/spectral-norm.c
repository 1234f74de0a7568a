/* Measures f64 divides and dot products: the spectral norm of a matrix by power iteration. */
#include "../guest.h"

#define N 350
#define ROUNDS 10

static double u[N], v[N], tmp[N];

/* The matrix entry A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1). */
static double entry(int i, int j) {
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

/* out = A x */
static void mul_a(const double *x, double *out) {
    for (int i = 0; i < N; i++) {
        double sum = 0.0;
        for (int j = 0; j < N; j++) sum += entry(i, j) * x[j];
        out[i] = sum;
    }
}

/* out = A^T x */
static void mul_at(const double *x, double *out) {
    for (int i = 0; i < N; i++) {
        double sum = 0.0;
        for (int j = 0; j < N; j++) sum += entry(j, i) * x[j];
        out[i] = sum;
    }
}

/* out = A^T A x */
static void mul_ata(const double *x, double *out) {
    mul_a(x, tmp);
    mul_at(tmp, out);
}

/* Returns the norm sqrt(<u, A^T A u> / <u, u>) scaled by 1e9 and truncated. */
EXPORT("run") long long run(void) {
    for (int i = 0; i < N; i++) u[i] = 1.0;
    for (int r = 0; r < ROUNDS; r++) {
        mul_ata(u, v);
        mul_ata(v, u);
    }
    double vbv = 0.0, vv = 0.0;
    for (int i = 0; i < N; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    return (long long)(__builtin_sqrt(vbv / vv) * 1e9);
}
