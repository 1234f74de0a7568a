/* Native driver for a C guest (`scripts/build-guests --native`): calls setup (if the guest has
 * one) and run twice, checks both runs agree, prints the result. */
#include <stdio.h>

long long run(void);
#ifdef HAS_SETUP
void setup(void);
#endif

int main(void) {
#ifdef HAS_SETUP
    setup();
#endif
    long long first = run();
    long long second = run();
    if (first != second) {
        fprintf(stderr, "run is not deterministic: %lld then %lld\n", first, second);
        return 1;
    }
    printf("%lld\n", first);
    return 0;
}
