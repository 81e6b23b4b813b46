#include <fmt/format.h>

#include <chrono>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "deliver/mail_headers.hpp"
#include "deliver/message.hpp"
#include "deliver/smtp_send.hpp"
#include "pipeline/errors.hpp"
#include "pipeline/run.hpp"
#include "plan/report_plan.hpp"
#include "plugin_host/registry.hpp"
#include "serve/mail_compose.hpp"

namespace vigie::cli {
namespace {

plan::ReportPlan read_delivery_plan(const std::string& file,
                                    const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> extra(paths.begin(), paths.end());
  auto plugins =
      plugin_host::Registry::scan(plugin_host::plugin_directories(extra));
  plan::ReportPlan plan = pipeline::read_checked_plan(file, plugins);
  if (!plan.delivery)
    throw pipeline::RunError(pipeline::kUsageError,
                             fmt::format("{} has no delivery block: nothing "
                                         "says how to send it",
                                         file));
  return plan;
}

}  // namespace

int send_command(const Args& args) {
  std::string spec, to, report;
  std::vector<std::string> plugin_paths;
  po::options_description options("options");
  options.add_options()("spec", po::value(&spec)->required(),
                        "the report spec with a delivery block")(
      "to", po::value(&to)->required(), "the one address to send to")(
      "report", po::value(&report),
      "a finished report folder to send (default: a short test message "
      "without attachment)")("plugin-path",
                             po::value(&plugin_paths)->composing(),
                             "another folder of plugins (repeatable)");
  po::positional_options_description positional;
  positional.add("spec", 1);
  po::variables_map vm;
  if (!parse(args, "usage: vigie send SPEC --to ADDRESS [--report DIR]",
             options, positional, vm))
    return 0;
  const plan::ReportPlan plan = read_delivery_plan(spec, plugin_paths);
  const spec::Delivery& d = *plan.delivery;
  deliver::SmtpSettings settings;
  try {
    settings = serve::smtp_settings(d.smtp, d.max_message_bytes);
  } catch (const std::runtime_error& e) {
    throw pipeline::RunError(pipeline::kUsageError, e.what());
  }
  // A test send has its own Message-ID each time: it is not a delivery of
  // a slot, and a mail server must not take it for a resend.
  const auto now = std::chrono::system_clock::now();
  const std::string id = deliver::message_id(
      plan.report.id, fmt::format("test-{}", now.time_since_epoch().count()),
      to, deliver::domain_of(settings.from));
  deliver::Message message;
  std::string note;
  if (!report.empty()) {
    try {
      auto mail = serve::compose_report_mail(plan, report, "", to, id);
      message = std::move(mail.message);
      note = mail.note;
    } catch (const std::exception& e) {
      throw pipeline::RunError(
          pipeline::kUsageError,
          fmt::format("--report {}: {}", report, e.what()));
    }
  } else {
    message.from = d.smtp.from;
    message.to = to;
    message.message_id = id;
    message.subject =
        fmt::format("Vigie: test of the delivery of {}", plan.report.title);
    message.text = fmt::format(
        "This message tests the delivery settings of the report '{}' ({}).\n"
        "It reached you: the server, the sender and the credentials work.\n",
        plan.report.title, plan.report.id);
  }
  if (!note.empty()) fmt::print("note: {}\n", note);
  const auto outcome = deliver::send_mail(settings, message);
  for (const auto& line : outcome.transcript) fmt::print("{}\n", line);
  if (outcome.status == deliver::SmtpOutcome::Status::Delivered) {
    fmt::print("delivered to {}: {} {}\n", to, outcome.code, outcome.reply);
    return pipeline::kSuccess;
  }
  throw pipeline::RunError(
      pipeline::kDeliveryError,
      fmt::format("not delivered to {} ({}): {}", to,
                  deliver::to_string(outcome.status),
                  outcome.code != 0
                      ? fmt::format("{} {}", outcome.code, outcome.reply)
                      : outcome.error));
}

}  // namespace vigie::cli
