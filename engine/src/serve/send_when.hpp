// Whether a finished report is worth e-mailing (delivery.send_when), read
// from its kpis.json: `alert` when some KPI is in its alert band,
// `not_empty` when some list or table has a row or some value KPI a
// value, `always` always.
#pragma once

#include <filesystem>

#include "spec/spec.hpp"

namespace vigie::serve {

// A kpis.json that cannot be read says nothing against sending: true.
bool worth_sending(spec::SendWhen when, const std::filesystem::path& dir);

}  // namespace vigie::serve
