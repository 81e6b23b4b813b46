#include "serve/report_mail.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <random>

#include "deliver/email_content.hpp"
#include "deliver/headline_kpis.hpp"
#include "deliver/mail_headers.hpp"
#include "deliver/message.hpp"
#include "deliver/smtp_send.hpp"
#include "output/burst_folder.hpp"
#include "secrets/redactor.hpp"
#include "serve/burst_recipients.hpp"
#include "serve/mail_compose.hpp"
#include "serve/send_when.hpp"

namespace vigie::serve {
namespace {

// One report to send: a burst value's own folder, or the report's.
struct Instance {
  std::string value;  // empty when not a burst
  std::filesystem::path dir;
  std::vector<std::string> recipients;
};

std::vector<Instance> instances(const plan::ReportPlan& plan,
                                const std::filesystem::path& report_dir) {
  const spec::Delivery& d = *plan.delivery;
  if (!plan.burst) return {{"", report_dir, d.to}};
  const auto queried = query_burst_recipients(*plan.burst);
  std::vector<Instance> out;
  for (const auto& [value, recipients] : plan.burst->values) {
    // The value's own, those its query gives, and `to`, who receives every
    // value's report.
    std::vector<std::string> all = recipients;
    auto add = [&all](const std::string& r) {
      if (std::find(all.begin(), all.end(), r) == all.end()) all.push_back(r);
    };
    if (auto q = queried.find(value); q != queried.end())
      for (const auto& r : q->second) add(r);
    for (const auto& r : d.to) add(r);
    out.push_back(
        {value, output::burst_folder(report_dir, value), std::move(all)});
  }
  return out;
}

}  // namespace

std::string queue_report_mail(history::Outbox& outbox,
                              const plan::ReportPlan& plan,
                              const history::SlotKey& slot,
                              const std::string& run_id,
                              const std::filesystem::path& report_dir,
                              history::Seconds now) {
  const spec::Delivery& d = *plan.delivery;
  std::vector<history::NewDelivery> queued;
  std::vector<std::string> held;
  const std::string domain = deliver::domain_of(d.smtp.from);
  for (const auto& instance : instances(plan, report_dir)) {
    if (!worth_sending(d.send_when, instance.dir)) {
      held.push_back(instance.value.empty() ? "the report" : instance.value);
      continue;
    }
    for (const auto& to : instance.recipients)
      queued.push_back(
          {instance.value, to, instance.dir.string(),
           deliver::message_id(slot.report_id, slot.slot,
                               instance.value + "\n" + to, domain)});
  }
  outbox.enqueue(slot.report_id, slot.slot, run_id, queued, now,
                 now + d.give_up_after_seconds);
  if (held.empty()) return "";
  const char* why = d.send_when == spec::SendWhen::Alert
                        ? "no KPI in its alert band"
                        : "nothing in its lists or values";
  return fmt::format("not sent ({}): {}", fmt::join(held, ", "), why);
}

void send_queued_mail(history::Outbox& outbox, const plan::ReportPlan& plan,
                      const history::Delivery& delivery,
                      const std::string& owner, const Backoff& backoff,
                      history::Seconds now) {
  const auto& key = delivery.key;
  ComposedMail mail;
  try {
    mail = compose_report_mail(plan, delivery.report_dir, key.instance,
                               key.recipient, delivery.message_id);
  } catch (const std::exception& e) {
    // The report's files are gone or unreadable: nothing to send, ever.
    outbox.failed(key, owner, 0, secrets::redact(e.what()), "", now);
    spdlog::error("{}: e-mail to {} failed: {}", delivery.report_id,
                  key.recipient, e.what());
    return;
  }
  const deliver::SmtpOutcome outcome = deliver::send_mail(
      smtp_settings(plan.delivery->smtp, plan.delivery->max_message_bytes),
      mail.message);
  const std::string reply =
      outcome.code != 0 ? fmt::format("{} {}", outcome.code, outcome.reply)
                        : outcome.error;
  switch (outcome.status) {
    case deliver::SmtpOutcome::Status::Delivered:
      outbox.delivered(key, owner, outcome.code, reply, mail.note, now);
      spdlog::info("{}: e-mail to {} delivered ({})", delivery.report_id,
                   key.recipient, reply);
      break;
    case deliver::SmtpOutcome::Status::Permanent:
      outbox.failed(key, owner, outcome.code, reply, mail.note, now);
      spdlog::error("{}: e-mail to {} refused for good: {}", delivery.report_id,
                    key.recipient, reply);
      break;
    case deliver::SmtpOutcome::Status::Transient: {
      static thread_local std::mt19937_64 random{std::random_device{}()};
      const auto wait = backoff.after(delivery.attempts, random);
      outbox.retry_later(key, owner, outcome.code, reply, mail.note,
                         now + wait.count(), now);
      spdlog::warn(
          "{}: e-mail to {} not delivered ({}); next attempt in "
          "{} s unless past its deadline",
          delivery.report_id, key.recipient, reply, wait.count());
      break;
    }
  }
}

}  // namespace vigie::serve
