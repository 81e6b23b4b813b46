// report.html's page: its head (the theme's colours as CSS custom
// properties, the style sheet, a policy that forbids loading anything),
// the cover (title, period, generation time, data-quality notes, the
// sections as links), then each section with its blocks (html_blocks.hpp)
// and the script that sorts and filters the tables.
#include "render/html_report.hpp"

#include <stdexcept>
#include <type_traits>
#include <variant>
#include <vector>

#include "locale/catalog.hpp"
#include "render/chart_frame.hpp"
#include "render/html_assets.hpp"
#include "render/html_blocks.hpp"
#include "render/logo.hpp"
#include "render/svg_canvas.hpp"
#include "render/text_measure.hpp"
#include "render/theme.hpp"
#include "render/wording.hpp"

namespace vigie::render {
namespace {

// Nothing may be fetched: no script, style sheet, font or image from
// anywhere, not even from beside the file; the page's own inline style
// and script, and data: pictures, only. A label that slipped through as
// markup could not load anything either.
constexpr const char* kContentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'";

// The theme's colours and family as custom properties report.css uses:
// the page has the PDF's look, from the same theme.
std::string theme_properties(const Theme& theme) {
  const struct {
    const char* name;
    Color colour;
  } colours[] = {
      {"ink", theme.colours.ink},
      {"muted", theme.colours.muted},
      {"rule", theme.colours.rule},
      {"grid", theme.colours.grid},
      {"zebra", theme.colours.zebra},
      {"tile-bg", theme.colours.tile_background},
      {"primary", theme.colours.primary},
      {"primary-light", theme.colours.primary_light},
      {"white", theme::kWhite},
      {"good", theme.colours.good},
      {"bad", theme.colours.bad},
      {"flat", theme.colours.flat},
      {"warning", theme.colours.warning},
      {"note-bg", theme.colours.note_background},
      {"note-accent", theme.colours.note_accent},
      // A table cell's status tints and bars, as table.cpp draws them.
      {"good-tint", lighten(theme.colours.good, theme.colours.status_tint)},
      {"warning-tint",
       lighten(theme.colours.warning, theme.colours.status_tint)},
      {"bad-tint", lighten(theme.colours.bad, theme.colours.status_tint)},
      {"bar", theme.colours.primary_light},
      {"bar-negative",
       lighten(theme.colours.bad, theme.colours.negative_bar_tint)},
  };
  std::string out =
      fmt::format(":root {{\n  --font: '{}', sans-serif;\n", theme.font_family);
  for (const auto& c : colours)
    out += fmt::format("  --{}: {};\n", c.name, hex_color(c.colour));
  out += "}\n";
  return out;
}

// An asset written inline: it must not end its own element early.
std::string_view inline_asset(std::string_view name, std::string_view end) {
  const std::string_view text = html_asset(name);
  if (text.find(end) != std::string_view::npos)
    throw std::logic_error("templates/html/" + std::string(name) + " holds " +
                           std::string(end) +
                           ", which would end it inside the page");
  return text;
}

// "fr_FR" -> "fr-FR": the page's language, as HTML writes it (its
// script's number formats and collation follow it).
std::string language_tag(const Locale& locale) {
  std::string tag = locale.name();
  for (char& c : tag)
    if (c == '_') c = '-';
  return tag;
}

std::string section_id(size_t index) {
  return fmt::format("section-{}", index + 1);
}

void write_head(std::string& out, const Document& doc) {
  const std::string rows_shown = locale::message(
      doc.locale, "html.rows_shown",
      std::vector<locale::Arg>{locale::Arg::of_text("shown", "{shown}"),
                               locale::Arg::of_text("total", "{total}")});
  out += "<!DOCTYPE html>\n<html lang=\"" +
         html_text(language_tag(doc.locale)) + "\" data-rows-shown=\"" +
         html_text(rows_shown) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
         std::string(kContentPolicy) + "\">\n";
  out +=
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"Vigie\">\n";
  std::string title = doc.title;
  if (!doc.period.empty()) title += " — " + doc.period;
  out += "<title>" + html_text(title) + "</title>\n";
  out += "<style>\n" + theme_properties(doc.theme) + "</style>\n";
  out += "<style>\n";
  out += inline_asset("report.css", "</style");
  out += "</style>\n</head>\n";
}

void write_cover(std::string& out, const Document& doc, const Wording& words) {
  out += "<header class=\"cover\"><div class=\"page\">\n";
  // The template's logo, on a white card as on the PDF's cover; a
  // picture of the company's name, which the title already says.
  if (const auto logo = load_logo(doc.theme.logo))
    out += fmt::format(
        "<img class=\"logo\" src=\"{}\" alt=\"\" width=\"{:.0f}\" "
        "height=\"{:.0f}\">\n",
        png_data_uri(*logo->png), logo->width * 4 / 3, logo->height * 4 / 3);
  out += "<h1>" + html_text(doc.title) + "</h1>\n";
  if (!doc.period.empty())
    out += "<p class=\"period\">" + html_text(doc.period) + "</p>\n";
  out += "</div></header>\n<main class=\"page\">\n";
  if (!doc.generated_at.empty()) {
    out += "<p class=\"generated\">" +
           html_text(words.generated + " " + doc.generated_at) + "</p>\n";
  }
  if (!doc.notes.empty()) {
    out += "<section class=\"cover-part quality\">\n<h2>" +
           html_text(words.notes) + "</h2>\n<div class=\"notes\"><ul>\n";
    for (const std::string& note : doc.notes)
      out += "<li>" + html_text(note) + "</li>\n";
    out += "</ul></div>\n</section>\n";
  }
  if (!doc.sections.empty()) {
    out += "<nav class=\"cover-part contents\">\n<h2>" +
           html_text(words.contents) + "</h2>\n<ol>\n";
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      out += "<li><a href=\"#" + section_id(i) + "\">" +
             html_text(doc.sections[i].title) + "</a></li>\n";
    }
    out += "</ol>\n</nav>\n";
  }
}

void write_block(std::string& out, const Block& block, HtmlContext& ctx) {
  std::visit(
      [&](const auto& b) {
        using Kind = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<Kind, TileRow>) {
          write_tile_row(out, b, ctx);
        } else if constexpr (std::is_same_v<Kind, TableBlock>) {
          write_table(out, b, ctx);
        } else if constexpr (std::is_same_v<Kind, Note>) {
          write_note(out, b);
        } else {
          write_chart(out, block, b.title, ctx);
        }
      },
      block);
}

}  // namespace

std::string render_html(const Document& doc) {
  const TextMeasurer measurer(doc.theme.font_family);
  const Wording words = wording_for(doc.locale);
  const RenderContext render{doc.theme, measurer, doc.locale, words};
  HtmlContext ctx(render);
  std::string out;
  write_head(out, doc);
  out += "<body>\n";
  write_cover(out, doc, words);
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& section = doc.sections[i];
    out += "<section id=\"" + section_id(i) + "\">\n<h2>" +
           html_text(section.title) + "</h2>\n";
    for (const Block& block : section.blocks) write_block(out, block, ctx);
    out += "</section>\n";
  }
  out += "</main>\n<script>\n";
  out += inline_asset("report.js", "</script");
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace vigie::render
