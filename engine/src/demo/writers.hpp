// Writing the generated world to disk: the CRM as a SQLite database, the
// web analytics and call-centre logs as canonical CSV files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "demo/local_time.hpp"
#include "demo/model.hpp"

namespace vigie::demo {

// Tables customers, orders, marketing_spend, surveys.
void write_crm_database(const DemoWorld& world, const LocalClock& clock,
                        const std::filesystem::path& path);
void write_web_events_csv(const DemoWorld& world, const LocalClock& clock,
                          const std::filesystem::path& path);
void write_calls_csv(const DemoWorld& world, const LocalClock& clock,
                     const std::filesystem::path& path);

// "C000042": the ids every file shares.
std::string customer_id(int32_t customer);
std::string visitor_id(int32_t visitor);
// customer_id of every customer, by index.
std::vector<std::string> customer_ids(const DemoWorld& world);
// Cents as exact decimal text with two decimals: -1234 -> "-12.34".
std::string cents_text(int64_t cents);

}  // namespace vigie::demo
