#include "deliver/default_templates.hpp"

namespace vigie::deliver {

std::optional<std::string_view> default_template(std::string_view name) {
  for (const io::EmbeddedFile& f : email_template_files())
    if (f.path == name) return f.text;
  return std::nullopt;
}

}  // namespace vigie::deliver
