/* Measures f64 arithmetic with sqrt and divides: a five-body gravity simulation's energy. */
#include "../guest.h"

#define BODIES 5
#define STEPS 100000
#define DT 0.001

static double px[BODIES], py[BODIES], pz[BODIES];
static double vx[BODIES], vy[BODIES], vz[BODIES];
static double mass[BODIES];

/* A star of mass 1 at the centre (units with G = 1) and four light planets on near-circular,
 * slightly inclined orbits; the star's velocity cancels the total momentum. */
static void init(void) {
    static const double radius[BODIES - 1] = {1.0, 1.7, 2.9, 4.6};
    static const double planet_mass[BODIES - 1] = {1.2e-3, 3.5e-4, 6.0e-5, 8.0e-5};
    static const double dir_x[BODIES - 1] = {1.0, 0.0, -0.6, 0.8};
    static const double dir_y[BODIES - 1] = {0.0, 1.0, 0.8, -0.6};
    px[0] = py[0] = pz[0] = 0.0;
    mass[0] = 1.0;
    double mom_x = 0.0, mom_y = 0.0;
    for (int k = 0; k < BODIES - 1; k++) {
        int b = k + 1;
        double r = radius[k];
        double speed = __builtin_sqrt(1.0 / r);
        px[b] = dir_x[k] * r;
        py[b] = dir_y[k] * r;
        pz[b] = 0.01 * (double)(k - 1) * r;
        vx[b] = -dir_y[k] * speed;
        vy[b] = dir_x[k] * speed;
        vz[b] = 0.0;
        mass[b] = planet_mass[k];
        mom_x += vx[b] * mass[b];
        mom_y += vy[b] * mass[b];
    }
    vx[0] = -mom_x / mass[0];
    vy[0] = -mom_y / mass[0];
    vz[0] = 0.0;
}

/* One step: pairwise accelerations update velocities, then velocities move positions. */
static void advance(double dt) {
    for (int i = 0; i < BODIES; i++) {
        for (int j = i + 1; j < BODIES; j++) {
            double dx = px[i] - px[j], dy = py[i] - py[j], dz = pz[i] - pz[j];
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * __builtin_sqrt(d2));
            double mi = mass[i] * mag, mj = mass[j] * mag;
            vx[i] -= dx * mj;
            vy[i] -= dy * mj;
            vz[i] -= dz * mj;
            vx[j] += dx * mi;
            vy[j] += dy * mi;
            vz[j] += dz * mi;
        }
    }
    for (int i = 0; i < BODIES; i++) {
        px[i] += dt * vx[i];
        py[i] += dt * vy[i];
        pz[i] += dt * vz[i];
    }
}

/* Kinetic minus potential energy. */
static double energy(void) {
    double e = 0.0;
    for (int i = 0; i < BODIES; i++) {
        e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
        for (int j = i + 1; j < BODIES; j++) {
            double dx = px[i] - px[j], dy = py[i] - py[j], dz = pz[i] - pz[j];
            e -= mass[i] * mass[j] / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

/* Returns the energy after STEPS steps, times 1e9, truncated. */
EXPORT("run") long long run(void) {
    init();
    for (int s = 0; s < STEPS; s++) advance(DT);
    return (long long)(energy() * 1e9);
}
