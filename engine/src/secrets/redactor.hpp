// The one mechanism that keeps secrets out of everything Vigie prints:
// messages, log lines, the report, kpis.json and the CSVs.
//
// A secret is registered once, where it enters the process (the spec
// reader registers every value taken from the environment and every value
// of an option a plugin declares secret); every text that leaves the
// process goes through redact(), which hides each registered value wherever
// it sits in the text, and any credential written in a connection URL or a
// `password=` pair (see credentials.hpp), registered or not.
//
// The registry is process-wide, like the logger it protects: a message may
// be formed anywhere (a plugin's error, a library's exception text) and
// printed much later, far from the spec that knew what was secret.
#pragma once

#include <string>
#include <string_view>

namespace vigie::secrets {

// Values shorter than this are not looked for inside free text: hiding
// every "12" or "fr" of every message would garble them all, and a value
// that short is no secret. Such values are still never quoted by the spec
// reader's messages, which know which field they sit in.
inline constexpr std::size_t kMinimumLength = 4;

// Registers `value` as secret; redact() shows `shown_as` in its place
// ("${CRM_PASSWORD}" for a value from the environment, "***" otherwise).
// Thread-safe; registering the same value again keeps the first name.
void add(std::string_view value, std::string_view shown_as = "***");

// `text` with every registered secret and every written credential hidden.
std::string redact(std::string_view text);

// Forgets every registered value (tests only: a process reads one spec).
void clear_for_tests();

}  // namespace vigie::secrets
