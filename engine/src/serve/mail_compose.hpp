// A report e-mail put together from a finished report folder and the
// spec's delivery block: the words (deliver/email_content.hpp), the
// figures (its kpis.json), the PDF and the lists asked for, and, when they
// would make the message too large, a link instead and a note saying why.
// Shared by the scheduler and `vigie send`.
#pragma once

#include <filesystem>
#include <string>

#include "deliver/message.hpp"
#include "deliver/smtp_settings.hpp"
#include "plan/report_plan.hpp"

namespace vigie::serve {

struct ComposedMail {
  deliver::Message message;
  // Why an attachment was left out, for the history; empty otherwise.
  std::string note;
};

// Throws std::runtime_error when the folder's kpis.json cannot be read.
ComposedMail compose_report_mail(const plan::ReportPlan& plan,
                                 const std::filesystem::path& report_dir,
                                 const std::string& burst_value,
                                 const std::string& recipient,
                                 const std::string& message_id);

// The server settings, the credentials read from the environment
// variables the spec names (registered as secrets). Throws
// std::runtime_error naming a variable that is not set.
deliver::SmtpSettings smtp_settings(const spec::SmtpServer& smtp,
                                    unsigned long long max_message_bytes);

}  // namespace vigie::serve
