// Text written into markup: the SVG pages and the HTML report.
#pragma once

#include <string>
#include <string_view>

namespace vigie::render {

// `text` as XML (or HTML) character data or a double-quoted attribute
// value: the markup characters escaped, and what XML cannot carry
// (invalid UTF-8, control characters) replaced with U+FFFD: one odd
// character in the data must not make the whole page unreadable to a
// parser, nor let a label of the data become markup.
std::string xml_escaped(std::string_view text);

}  // namespace vigie::render
