#include "deliver/email_content.hpp"

#include <mstch/mstch.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "deliver/default_templates.hpp"
#include "mustache/mustache.hpp"

namespace vigie::deliver {
namespace {

struct StatusLook {
  const char* color;
  const char* french;
  const char* english;
};

// The colours of the report's tiles: green, orange, red.
StatusLook look_of(const std::string& status) {
  if (status == "ok") return {"#2e7d32", "conforme", "on target"};
  if (status == "warning") return {"#ef6c00", "vigilance", "warning"};
  if (status == "alert") return {"#c62828", "alerte", "alert"};
  return {"", "", ""};
}

void put(mstch::map& m, const std::string& key, const std::string& value,
         const std::string& flag) {
  m.emplace(key, value);
  m.emplace(flag, !value.empty());
}

mstch::map view_of(const EmailContext& c) {
  const bool fr = c.locale.rfind("fr", 0) == 0;
  mstch::map view{{"fr", fr}};
  put(view, "report_title", c.report_title, "has_report_title");
  put(view, "period_label", c.period_label, "has_period_label");
  put(view, "report_id", c.report_id, "has_report_id");
  put(view, "run_id", c.run_id, "has_run_id");
  put(view, "burst_value", c.burst_value, "has_burst");
  put(view, "link", c.link, "has_link");
  put(view, "attachment_note", c.attachment_note, "has_attachment_note");
  mstch::array kpis;
  for (const auto& k : c.kpis) {
    const StatusLook look = look_of(k.status);
    kpis.push_back(mstch::map{
        {"label", k.label},
        {"value", k.value},
        {"change", k.change},
        {"status", k.status},
        {"status_text", std::string(fr ? look.french : look.english)},
        {"status_color", std::string(look.color)},
        {"has_status", *look.color != '\0'},
    });
  }
  view.emplace("has_kpis", !kpis.empty());
  view.emplace("kpis", std::move(kpis));
  mstch::array alerts(c.alerts.begin(), c.alerts.end());
  view.emplace("has_alerts", !alerts.empty());
  view.emplace("alerts", std::move(alerts));
  return view;
}

std::string read_template(const std::optional<std::filesystem::path>& dir,
                          const std::string& name) {
  if (dir) {
    const std::filesystem::path file = *dir / name;
    if (std::filesystem::exists(file)) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      if (!in)
        throw std::runtime_error("cannot read e-mail template " +
                                 file.string());
      return bytes.str();
    }
  }
  const auto builtin = default_template(name);
  if (!builtin) throw std::logic_error("no default e-mail template " + name);
  return std::string(*builtin);
}

std::string render(const std::string& tmpl, const mstch::map& view, bool html) {
  return mustache::render(
      tmpl, view, html ? mustache::Escape::Html : mustache::Escape::None);
}

// One line: a subject template may end with a newline or be spread over
// lines; a header cannot hold a line break.
std::string one_line(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

EmailContent render_email(
    const EmailContext& context,
    const std::optional<std::filesystem::path>& template_dir,
    std::optional<std::string> subject_template) {
  if (template_dir && !std::filesystem::is_directory(*template_dir))
    throw std::runtime_error("e-mail template folder not found: " +
                             template_dir->string());
  const mstch::map view = view_of(context);
  const std::string subject =
      subject_template ? *subject_template
                       : read_template(template_dir, "subject.mustache");
  EmailContent out;
  out.subject = one_line(render(subject, view, false));
  out.text =
      render(read_template(template_dir, "body.txt.mustache"), view, false);
  out.html =
      render(read_template(template_dir, "body.html.mustache"), view, true);
  return out;
}

}  // namespace vigie::deliver
