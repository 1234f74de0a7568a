/* Measures a tight f64 loop with a data-dependent exit: points inside the Mandelbrot set. */
#include "../guest.h"

#define WIDTH 320
#define HEIGHT 240
#define MAX_ITER 200

/* The grid spans [-2, 1] x [-1.2, 1.2]; a point counts when it has not escaped after MAX_ITER
 * steps. */
EXPORT("run") long long run(void) {
    long long inside = 0;
    for (int y = 0; y < HEIGHT; y++) {
        double ci = -1.2 + 2.4 * (double)y / (double)HEIGHT;
        for (int x = 0; x < WIDTH; x++) {
            double cr = -2.0 + 3.0 * (double)x / (double)WIDTH;
            double zr = 0.0, zi = 0.0, zr2 = 0.0, zi2 = 0.0;
            int n = 0;
            while (n < MAX_ITER && zr2 + zi2 <= 4.0) {
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                zr2 = zr * zr;
                zi2 = zi * zi;
                n++;
            }
            if (n == MAX_ITER) inside++;
        }
    }
    return inside;
}
