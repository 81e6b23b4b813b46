// The steps of the demo generator, run in this order on one DemoWorld and
// one Rng (the order of the draws is part of the output's determinism).
#pragma once

#include "demo/model.hpp"
#include "demo/random.hpp"

namespace vigie::demo {

// Products, customers (with their devices), order lines, marketing spend.
void make_population(DemoWorld& world, Rng& rng, double scale);
// Web sessions (browsing, purchases, self-care, sign-ups) and calls,
// including the calls that follow a self-care attempt.
void make_journeys(DemoWorld& world, Rng& rng, double scale);
// Survey answers across the journey steps.
void make_surveys(DemoWorld& world, Rng& rng);

}  // namespace vigie::demo
