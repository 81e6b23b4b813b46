// The failures of a run, each with its exit code (docs/exit-codes.md).
#pragma once

#include <stdexcept>
#include <string>

namespace vigie::pipeline {

enum ExitCode : int {
  kSuccess = 0,
  kInternalError = 1,  // a bug: please report it
  kUsageError = 2,     // bad command line or report spec
  kDataError = 3,      // a source's rows are too often unreadable
  kPluginError = 4,    // a plugin is missing, refused, failed, or a source
                       // could not be opened or read
  kOutputError = 5,    // the report could not be written
  kDeliveryError = 6,  // an e-mail could not be delivered
  kStateError = 7,     // the state database (schedules, history, outbox)
                       // could not be opened or written
};

class RunError : public std::runtime_error {
 public:
  RunError(ExitCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace vigie::pipeline
