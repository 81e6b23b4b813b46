// What a reader of the report must know of the data behind it: the notes
// printed with the figures (a source without rows, rows rejected, ids
// that matched no customer), and the appendix every report ends with, a
// source a row: rows read, rejected, unmatched ids, the time range found
// against the period asked, the main reasons of the rejects with their
// first source:line, and a warning for a source that stops before the
// period ends.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compute/kpi_runner.hpp"
#include "ingest/rejects.hpp"
#include "locale/locale.hpp"
#include "render/document.hpp"

namespace vigie::pipeline {

// The dataset each source of the spec fills, by source id: a source is
// named by its dataset's label in the report's language, followed by its
// id when that differs (locale::source_name).
using SourceDatasets = std::map<std::string, std::string>;

std::vector<std::string> data_quality_notes(const ingest::RejectLog& rejects,
                                            const SourceDatasets& datasets,
                                            const locale::Locale& locale);

render::Section data_quality_appendix(const ingest::RejectLog& rejects,
                                      const SourceDatasets& datasets,
                                      const compute::PeriodPlan& plan,
                                      const locale::Locale& locale);

}  // namespace vigie::pipeline
