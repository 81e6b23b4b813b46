// The default e-mail templates, templates/email/*.mustache, compiled into
// the library at build time (embed_templates.cmake writes the definition),
// so that an installed `vigie` sends mail without any data folder.
#pragma once

#include <optional>
#include <string_view>

namespace vigie::deliver {

// The bytes of templates/email/<name> ("subject.mustache",
// "body.html.mustache", "body.txt.mustache"), or nothing for another name.
std::optional<std::string_view> default_template(std::string_view name);

}  // namespace vigie::deliver
