#include "output/writer_registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <future>
#include <stdexcept>
#include <string>
#include <utility>

namespace vigie::output {

void WriterRegistry::add(std::unique_ptr<Writer> writer) {
  for (const auto& w : writers_)
    if (w->name() == writer->name())
      throw std::invalid_argument(
          fmt::format("two output writers are named '{}'", writer->name()));
  writers_.push_back(std::move(writer));
}

void WriterRegistry::write(
    const RunProducts& run, ReportFolder& folder,
    const std::function<void(std::string_view stage)>& on_stage,
    const std::filesystem::path& under) const {
  // A writer that names its own files writes them straight into its
  // folder: it exists first.
  if (!under.empty())
    std::filesystem::create_directories(folder.staging() / under);
  // One slot a writer, in registry order: its files, or how it failed.
  struct Slot {
    const Writer* writer;
    StagedFiles files;
    std::exception_ptr failure;
  };
  std::vector<Slot> slots;
  for (const auto& w : writers_)
    if (w->enabled(run.outputs))
      slots.push_back({w.get(), StagedFiles(folder.staging() / under), {}});

  // The stages, in the order they first appear.
  std::vector<std::string_view> stages;
  for (const Slot& s : slots)
    if (std::find(stages.begin(), stages.end(), s.writer->stage()) ==
        stages.end())
      stages.push_back(s.writer->stage());

  for (const std::string_view stage : stages) {
    on_stage(stage);
    // Each slot is touched by one thread only, and read once every thread
    // of the stage is done (a future's get() waits for it).
    std::vector<std::pair<Slot*, std::future<void>>> threads;
    for (Slot& s : slots)
      if (s.writer->stage() == stage && s.writer->own_thread())
        threads.emplace_back(&s, std::async(std::launch::async, [&run, &s] {
          s.writer->write(run, s.files);
        }));
    for (Slot& s : slots) {
      if (s.writer->stage() != stage || s.writer->own_thread()) continue;
      try {
        s.writer->write(run, s.files);
      } catch (...) {
        s.failure = std::current_exception();
      }
    }
    for (auto& [s, done] : threads) {
      try {
        done.get();
      } catch (...) {
        s->failure = std::current_exception();
      }
    }
    for (const Slot& s : slots)
      if (s.failure) std::rethrow_exception(s.failure);
  }
  for (const Slot& s : slots)
    for (const auto& f : s.files.files()) folder.adopt(under / f.path, f.pages);
}

}  // namespace vigie::output
