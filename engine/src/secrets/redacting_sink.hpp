// A spdlog sink that redacts every log line before handing it to the real
// sink, so that no log line of any module can carry a secret.
#pragma once

#include <spdlog/sinks/sink.h>

#include <memory>

namespace vigie::secrets {

std::shared_ptr<spdlog::sinks::sink> redacting_sink(
    std::shared_ptr<spdlog::sinks::sink> target);

}  // namespace vigie::secrets
