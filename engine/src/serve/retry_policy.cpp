#include "serve/retry_policy.hpp"

#include "pipeline/errors.hpp"

namespace vigie::serve {

Failure run_failure(int exit_code) {
  switch (exit_code) {
    case pipeline::kPluginError:
    case pipeline::kOutputError:
    case pipeline::kStateError:
      return Failure::Transient;
    default:
      return Failure::Permanent;
  }
}

}  // namespace vigie::serve
