// The templates of a plugin project (templates/plugin/), compiled into
// `vigie` at build time by embed_plugin_templates.cmake, so that an
// installed `vigie` writes a project without any data folder, as the
// e-mail templates are (engine/src/deliver/default_templates.hpp).
#pragma once

#include <span>
#include <string_view>

namespace vigie::cli {

struct TemplateFile {
  std::string_view path;  // relative to templates/plugin: "connector/..."
  std::string_view text;
};

// Every file of templates/plugin/{common,connector,indicator}/, by path.
std::span<const TemplateFile> plugin_template_files();

}  // namespace vigie::cli
