// The KPIs of the experience indicator (KPI-CATALOG.md section 7): nps and
// csat of every period, the touchpoint matrix and its irritants for P, and
// the journey curve for P and P'.
#include <algorithm>

#include "experience_run.hpp"

namespace vigie::experience {
namespace {

void push(Column& column, std::optional<double> value) {
  if (value)
    column.push_double(*value);
  else
    column.push_null();
}

// The cells of P with answers or volume, in step order then channel name.
struct Cell {
  int32_t step;
  int32_t channel;
  const Answers* answers;
  int64_t volume;
};

std::vector<Cell> matrix(Run& run) {
  const Vocabulary& words = run.vocabulary();
  const AnswerTally& tally = run.answers();
  const std::vector<int64_t>& volume = run.volume();
  std::vector<Cell> cells;
  for (int32_t s = 0; s < words.step_count(); ++s)
    for (int32_t c = 0; c < words.channel_count(); ++c) {
      const auto i = static_cast<size_t>(words.cell(s, c));
      if (tally.cells[0][i].answers > 0 || volume[i] > 0)
        cells.push_back({s, c, &tally.cells[0][i], volume[i]});
    }
  return cells;
}

// Below the threshold, in integers: satisfied / answers < bp / 10000.
bool is_irritant(const Answers& a, const ExperienceParameters& parameters) {
  return a.csat_answers >= parameters.irritant_min_answers &&
         a.satisfied * 10000 <
             parameters.irritant_basis_points() * a.csat_answers;
}

}  // namespace

Series nps(Run& run) {
  Series out;
  for (const Answers& a : run.answers().by_period) out.push_back(a.nps());
  return out;
}

Series csat(Run& run) {
  Series out;
  for (const Answers& a : run.answers().by_period) out.push_back(a.csat());
  return out;
}

Table touchpoints(Run& run) {
  const Vocabulary& words = run.vocabulary();
  Table out;
  auto& step = out.add("step", Type::String);
  auto& channel = out.add("channel", Type::String);
  auto& volume = out.add("volume", Type::Int64, "count");
  auto& answers = out.add("answers", Type::Int64, "count");
  auto& csat_answers = out.add("csat_answers", Type::Int64, "count");
  auto& csat_column = out.add("csat", Type::Double, "ratio");
  auto& nps_column = out.add("nps", Type::Double, "score");
  for (const Cell& cell : matrix(run)) {
    step.push_string(words.step_name(cell.step));
    channel.push_string(words.channel_name(cell.channel));
    volume.push_int(cell.volume);
    answers.push_int(cell.answers->answers);
    csat_answers.push_int(cell.answers->csat_answers);
    push(csat_column, cell.answers->csat());
    push(nps_column, cell.answers->nps());
  }
  return out;
}

Table irritants(Run& run) {
  const Vocabulary& words = run.vocabulary();
  std::vector<Cell> cells = matrix(run);
  std::erase_if(cells, [&](const Cell& c) {
    return !is_irritant(*c.answers, run.parameters);
  });
  // The worst first; at equal csat, the busier cell; then matrix order.
  std::stable_sort(cells.begin(), cells.end(),
                   [](const Cell& a, const Cell& b) {
                     // Cross-multiplied in 128 bits: exact, where doubles could
                     // tie wrongly.
                     const sdk::WideInt left =
                         static_cast<sdk::WideInt>(a.answers->satisfied) *
                         b.answers->csat_answers;
                     const sdk::WideInt right =
                         static_cast<sdk::WideInt>(b.answers->satisfied) *
                         a.answers->csat_answers;
                     if (left != right) return left < right;
                     return a.volume > b.volume;
                   });
  Table out;
  auto& step = out.add("step", Type::String);
  auto& channel = out.add("channel", Type::String);
  auto& csat_column = out.add("csat", Type::Double, "ratio");
  auto& csat_answers = out.add("csat_answers", Type::Int64, "count");
  auto& nps_column = out.add("nps", Type::Double, "score");
  auto& volume = out.add("volume", Type::Int64, "count");
  for (const Cell& cell : cells) {
    step.push_string(words.step_name(cell.step));
    channel.push_string(words.channel_name(cell.channel));
    push(csat_column, cell.answers->csat());
    csat_answers.push_int(cell.answers->csat_answers);
    push(nps_column, cell.answers->nps());
    volume.push_int(cell.volume);
  }
  return out;
}

Table journey_curve(Run& run) {
  const Vocabulary& words = run.vocabulary();
  const AnswerTally& tally = run.answers();
  const bool has_previous = run.previous() >= 0;
  const auto spec_steps =
      static_cast<int32_t>(run.parameters.journey_steps.size());
  Table out;
  auto& step = out.add("step", Type::String);
  auto& answers = out.add("answers", Type::Int64, "count");
  auto& csat_column = out.add("csat", Type::Double, "ratio");
  auto& nps_column = out.add("nps", Type::Double, "score");
  auto& previous_answers = out.add("previous_answers", Type::Int64, "count");
  auto& previous_csat = out.add("previous_csat", Type::Double, "ratio");
  auto& previous_nps = out.add("previous_nps", Type::Double, "score");
  for (int32_t s = 0; s < words.step_count(); ++s) {
    Answers now, before;
    for (int32_t c = 0; c < words.channel_count(); ++c) {
      const auto i = static_cast<size_t>(words.cell(s, c));
      now += tally.cells[0][i];
      before += tally.cells[1][i];
    }
    // The spec's steps, each with a row; without journey_steps, the steps
    // of the data that have answers in P or P'.
    if (s >= spec_steps &&
        (spec_steps > 0 || now.answers + before.answers == 0))
      continue;
    step.push_string(words.step_name(s));
    answers.push_int(now.answers);
    push(csat_column, now.csat());
    push(nps_column, now.nps());
    if (has_previous) {
      previous_answers.push_int(before.answers);
      push(previous_csat, before.csat());
      push(previous_nps, before.nps());
    } else {
      previous_answers.push_null();
      previous_csat.push_null();
      previous_nps.push_null();
    }
  }
  return out;
}

}  // namespace vigie::experience
