// The hand-computed shop of the products tests: January 2026 empty,
// February (P') and March (P). Every figure the tests expect is worked out
// in the comments here, from these lines only.
//
// March (P), total 431.50:
//   A1 kitchen  100.00 q 2 m 40.00, 50.50 q 1 m 20.20  -> 150.50
//   B2 garden    80.00 q 4 m 10.00, -30.00 q -1 m -5    ->  50.00 (a return)
//   C3 garden   120.50 q 3 m 30.00                      -> 120.50
//   D4 toys     120.50 q 1 m  0                         -> 120.50 (tie C3)
//   E5 toys      20.00 q 1 m  5, -20.00 q -1 m -5       ->   0 (not sold)
//   F6 books     10.00 q 1 m  2, -10.00 q -1 m -2       ->   0 (not sold)
//   G7 kitchen  -25.00 q -1 m -10 (a return only)       -> -25 (not sold)
//   no product, no category: 15.00 q null m 15.00 (a delivery fee)
//   products sold 4 (A1, B2, C3, D4); units 9.
//   by category: garden 170.50 q 6 m 35; kitchen 125.50 q 2 m 50.20;
//   toys 120.50 q 1 m 0; (none) 15 q 0 m 15; books 0 q 0 m 0.
// February (P'), total 120:
//   A1 kitchen 60 q 1 m 30; C3 garden 20 q 1 m 4; H8 music 40 q 2 m 8.
//   products sold 3; units 4.
#pragma once

#include "order_lines.hpp"

namespace products_test {

inline OrderLines shop() {
  OrderLines o;
  const int64_t march = day(59), february = day(31);
  o.add({march + kDay, "A1", "kitchen", "100.00", 2, "40.00"});
  o.add({march + 2 * kDay, "A1", "kitchen", "50.50", 1, "20.20"});
  o.add({march + kDay, "B2", "garden", "80.00", 4, "10.00"});
  o.add({march + 9 * kDay, "B2", "garden", "-30.00", -1, "-5"});
  o.add({march + 3 * kDay, "C3", "garden", "120.50", 3, "30.00"});
  o.add({march + 3 * kDay, "D4", "toys", "120.50", 1, "0"});
  o.add({march + 4 * kDay, "E5", "toys", "20.00", 1, "5"});
  o.add({march + 5 * kDay, "E5", "toys", "-20.00", -1, "-5"});
  o.add({march + 4 * kDay, "F6", "books", "10.00", 1, "2"});
  o.add({march + 6 * kDay, "F6", "books", "-10.00", -1, "-2"});
  o.add({march + 7 * kDay, "G7", "kitchen", "-25.00", -1, "-10"});
  o.add({march + 8 * kDay, std::nullopt, std::nullopt, "15.00", std::nullopt,
         "15.00"});
  o.add({february, "A1", "kitchen", "60", 1, "30"});
  o.add({february + 27 * kDay, "C3", "garden", "20", 1, "4"});
  o.add({february + 10 * kDay, "H8", "music", "40", 2, "8"});
  // The first instant of April: in no period.
  o.add({day(90), "A1", "kitchen", "1000", 10, "500"});
  return o;
}

}  // namespace products_test
