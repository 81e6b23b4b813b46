// Mustache templates rendered with mstch, for text or for HTML. mstch
// escapes {{x}} through one process-wide function (mstch::config::escape):
// every render of the engine goes through here, which sets it under one
// lock, so that an e-mail's HTML body and a PDF footer rendered at the
// same time each get their own escaping.
#pragma once

#include <mstch/mstch.hpp>

#include <string>

namespace vigie::mustache {

enum class Escape {
  Html,  // {{x}} escaped for HTML (&, <, >, ")
  None,  // {{x}} written as it is: plain text, a PDF's text
};

std::string render(const std::string& tmpl, const mstch::map& view,
                   Escape escape);

}  // namespace vigie::mustache
