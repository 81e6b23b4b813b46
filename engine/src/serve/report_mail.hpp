// The e-mails of a finished report: written into the outbox when its run
// succeeds (unless send_when says not to), then each sent on its own and
// its outcome recorded. docs/delivery.md.
#pragma once

#include <filesystem>
#include <string>

#include "history/outbox.hpp"
#include "history/runs.hpp"
#include "plan/report_plan.hpp"
#include "serve/retry_policy.hpp"

namespace vigie::serve {

// Puts one delivery a recipient (a burst: a recipient of each value, in
// that value's folder) into the outbox. Returns why nothing was queued
// when send_when held it back ("not sent: no KPI in its alert band"),
// else an empty string. Throws std::runtime_error when a burst's
// recipients query fails.
std::string queue_report_mail(history::Outbox& outbox,
                              const plan::ReportPlan& plan,
                              const history::SlotKey& slot,
                              const std::string& run_id,
                              const std::filesystem::path& report_dir,
                              history::Seconds now);

// Builds and sends one delivery claimed from the outbox, and records the
// server's answer: delivered on a 2xx, failed on a 5xx, retried after a
// back-off on a 4xx or no answer (until the deadline).
void send_queued_mail(history::Outbox& outbox, const plan::ReportPlan& plan,
                      const history::Delivery& delivery,
                      const std::string& owner, const Backoff& backoff,
                      history::Seconds now);

}  // namespace vigie::serve
