// The default e-mail templates, templates/email/*.mustache, compiled into
// the library at build time (cmake/embed_files.cmake writes
// email_template_files()), so that an installed `vigie` sends mail without
// any data folder.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "io/embedded_file.hpp"

namespace vigie::deliver {

// Every file of templates/email/, by name.
std::span<const io::EmbeddedFile> email_template_files();

// The bytes of templates/email/<name> ("subject.mustache",
// "body.html.mustache", "body.txt.mustache"), or nothing for another name.
std::optional<std::string_view> default_template(std::string_view name);

}  // namespace vigie::deliver
