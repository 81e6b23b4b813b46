#include "spec/metric_graph.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace vigie::spec {
namespace {

enum class Mark { New, Open, Done };

// A depth-first walk: a metric is placed once every metric it refers to
// is; meeting an open metric again closes a cycle.
class Walk {
 public:
  explicit Walk(const std::vector<Kpi>& kpis)
      : kpis_(kpis), marks_(kpis.size(), Mark::New) {
    for (std::size_t i = 0; i < kpis.size(); ++i) index_[kpis[i].id] = i;
  }

  MetricOrder run() {
    for (std::size_t i = 0; i < kpis_.size(); ++i)
      if (kpis_[i].metric) visit(i);
    return std::move(result_);
  }

 private:
  void visit(std::size_t i) {
    if (marks_[i] == Mark::Done) return;
    if (marks_[i] == Mark::Open) {
      auto from = std::find(path_.begin(), path_.end(), i);
      std::vector<std::size_t> cycle(from, path_.end());
      // Start at the KPI written first, so that each cycle is said once.
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()),
                  cycle.end());
      if (std::find(result_.cycles.begin(), result_.cycles.end(), cycle) ==
          result_.cycles.end())
        result_.cycles.push_back(std::move(cycle));
      return;
    }
    marks_[i] = Mark::Open;
    path_.push_back(i);
    for (const auto& id : kpis_[i].metric->references)
      if (auto it = index_.find(id);
          it != index_.end() && kpis_[it->second].metric)
        visit(it->second);
    path_.pop_back();
    marks_[i] = Mark::Done;
    result_.order.push_back(i);
  }

  const std::vector<Kpi>& kpis_;
  std::vector<Mark> marks_;
  std::map<std::string, std::size_t> index_;
  std::vector<std::size_t> path_;
  MetricOrder result_;
};

}  // namespace

MetricOrder order_metrics(const std::vector<Kpi>& kpis) {
  return Walk(kpis).run();
}

}  // namespace vigie::spec
