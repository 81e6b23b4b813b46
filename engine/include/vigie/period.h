/* A period of the plugin ABI (vigie/plugin.h), alone: the SDK's period
 * kernels take it, and the engine, which runs those kernels on its own
 * derived datasets, includes this header rather than the whole ABI. */
#ifndef VIGIE_PERIOD_H
#define VIGIE_PERIOD_H

#include <stdint.h>

/* [start_us, end_us), microseconds since the epoch, UTC. */
typedef struct vigie_period {
  int64_t start_us;
  int64_t end_us;
} vigie_period;

#endif /* VIGIE_PERIOD_H */
