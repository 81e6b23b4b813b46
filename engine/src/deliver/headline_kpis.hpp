// The figures of a report e-mail, read from the finished report's
// kpis.json (docs/kpis-json.md) and written as the report writes its
// tiles (locale/number_format.hpp), so that the mail and the PDF show the
// same text for the same figure.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "deliver/email_content.hpp"

namespace vigie::deliver {

// Every value KPI of `kpis_json`, in the spec's order: its label, its value
// for the period and its change in `locale` ("fr_FR", the spec's
// report.locale) with the spec's `currency` (report.currency), and its
// target status ("ok", "warning", "alert"; "" when
// it has no target or no value). Throws std::runtime_error naming the file
// when it cannot be read, is not JSON or not schema vigie.kpis/1.
std::vector<HeadlineKpi> headline_kpis(const std::filesystem::path& kpis_json,
                                       const std::string& locale,
                                       const std::string& currency = "EUR");

// The report period's label as kpis.json has it ("octobre 2026"); same
// errors.
std::string period_label(const std::filesystem::path& kpis_json);

// The labels of the KPIs in their alert band, in order.
std::vector<std::string> alert_labels(const std::vector<HeadlineKpi>& kpis);

}  // namespace vigie::deliver
