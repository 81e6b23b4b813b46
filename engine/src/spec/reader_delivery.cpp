#include <fmt/format.h>

#include <algorithm>

#include "spec/quantity.hpp"
#include "spec/spec_reader.hpp"
#include "spec/substitute.hpp"
#include "spec/suggest.hpp"

namespace vigie::spec {
namespace {

const std::vector<std::string> kStartTls = {"required", "if_offered", "never"};
const std::vector<std::string> kSendWhen = {"always", "not_empty", "alert"};
constexpr std::string_view kGroupPrefix = "group:";

// An address as an SMTP envelope takes it: local@domain, nothing that
// would break the command line or the header (spaces, <>, commas, quotes).
// A full RFC 5321 check is the server's: it answers 550 to a bad mailbox,
// and that answer is recorded.
bool plausible_address(std::string_view a) {
  const auto at = a.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < a.size() &&
         a.find('@', at + 1) == std::string_view::npos &&
         a.find_first_of(" \t\r\n<>,;\"()[]\\") == std::string_view::npos;
}

}  // namespace

std::vector<std::string> SpecReader::read_recipients(
    const Cursor& at,
    const std::map<std::string, std::vector<std::string>>& groups) {
  std::vector<std::string> out;
  if (!doc_.expect_list(at, "a list of e-mail addresses and group:NAME"))
    return out;
  auto add = [&out](const std::string& address) {
    if (std::find(out.begin(), out.end(), address) == out.end())
      out.push_back(address);
  };
  for (const auto& item : doc_.items(at)) {
    auto t = doc_.text(item);
    if (!t) continue;
    if (t->value.rfind(kGroupPrefix, 0) == 0) {
      const std::string name = t->value.substr(kGroupPrefix.size());
      auto g = groups.find(name);
      if (g == groups.end()) {
        std::vector<std::string> names;
        for (const auto& [n, members] : groups) names.push_back(n);
        doc_.error(item, fmt::format("unknown group '{}';{} defined under "
                                     "delivery.groups: {}",
                                     name, did_you_mean(name, names),
                                     names.empty() ? "none" : join(names)));
        continue;
      }
      for (const auto& address : g->second) add(address);
    } else if (plausible_address(t->value)) {
      add(t->value);
    } else {
      doc_.error(item, fmt::format("expected an e-mail address "
                                   "(name@example.com) or group:NAME, not {}",
                                   doc_.quote(item, *t)));
    }
  }
  return out;
}

SmtpServer SpecReader::read_smtp(const Cursor& at) {
  SmtpServer smtp;
  if (!doc_.expect_map(at, "a map with at least url and from")) return smtp;
  Fields f(doc_, at,
           {"url", "starttls", "username_env", "password_env", "from",
            "ca_file", "verify_peer", "timeout"});
  if (auto u = f.required("url", "smtp://host:587 or smtps://host:465")) {
    doc_.assign(smtp.url, u);
    if (smtp.url.rfind("smtp://", 0) != 0 && smtp.url.rfind("smtps://", 0) != 0)
      doc_.error(*u,
                 "expected smtp://host:port (STARTTLS) or "
                 "smtps://host:port (TLS from the start)");
  }
  if (auto s = f.optional("starttls"))
    if (auto i = doc_.choice(*s, kStartTls)) smtp.starttls = kStartTls[*i];
  for (auto [key, out] : {std::pair{"username_env", &smtp.username_env},
                          std::pair{"password_env", &smtp.password_env}})
    if (auto e = f.optional(key)) {
      doc_.assign(*out, e);
      if (!is_variable_name(*out))
        doc_.error(*e,
                   "expected the name of an environment variable "
                   "(letters, digits and '_'): the credential itself "
                   "is never written in a spec");
    }
  if (auto from = f.required("from", "the sender, e.g. reports@example.com")) {
    doc_.assign(smtp.from, from);
    // "Name <address>" or a bare address.
    std::string address = smtp.from;
    if (auto lt = address.rfind('<');
        lt != std::string::npos && address.back() == '>')
      address = address.substr(lt + 1, address.size() - lt - 2);
    if (!plausible_address(address))
      doc_.error(*from,
                 "expected an address, or a name and an address: "
                 "Vigie <reports@example.com>");
  }
  doc_.assign(smtp.ca_file, f.optional("ca_file"));
  doc_.assign(smtp.verify_peer, f.optional("verify_peer"));
  read_duration(smtp.timeout_seconds, f.optional("timeout"));
  return smtp;
}

Delivery SpecReader::read_delivery(const Cursor& at, bool burst) {
  Delivery delivery;
  delivery.location = doc_.where(at);
  if (!doc_.expect_map(at, "a map with at least smtp and to")) return delivery;
  Fields f(doc_, at,
           {"smtp", "to", "groups", "subject", "templates", "attach_pdf",
            "attach_lists", "max_message_size", "report_url", "send_when",
            "give_up_after"});
  if (auto s = f.required("smtp", "the SMTP server: url, from, credentials"))
    delivery.smtp = read_smtp(*s);
  if (auto g = f.optional("groups"); g && doc_.expect_map(*g))
    for (const auto& entry : doc_.entries(*g)) {
      auto& members = delivery.groups[entry.key];
      members = read_recipients(entry.value, {});
    }
  // A burst gives each value its recipients; `to` then receives every
  // value's report (and may be left out).
  auto to = burst ? f.optional("to")
                  : f.required("to",
                               "a list of e-mail addresses and "
                               "group:NAME");
  if (to) delivery.to = read_recipients(*to, delivery.groups);
  doc_.assign(delivery.subject, f.optional("subject"));
  doc_.assign(delivery.templates, f.optional("templates"));
  doc_.assign(delivery.attach_pdf, f.optional("attach_pdf"));
  if (auto lists = f.optional("attach_lists");
      lists && doc_.expect_list(*lists, "a list of the ids of list KPIs"))
    for (const auto& item : doc_.items(*lists)) {
      auto t = doc_.text(item);
      if (!t) continue;
      auto kind = kpi_kinds_.find(t->value);
      if (kind == kpi_kinds_.end()) {
        doc_.error(item,
                   fmt::format("unknown KPI '{}';{} defined: {}", t->value,
                               did_you_mean(t->value, defined_kpis()),
                               join(defined_kpis())));
      } else if (kind->second && *kind->second != OutputKind::List) {
        doc_.error(item, fmt::format("KPI '{}' is not a list: only lists "
                                     "are attached, as CSV",
                                     t->value));
      } else {
        delivery.attach_lists.push_back(t->value);
      }
    }
  if (auto m = f.optional("max_message_size"))
    if (auto t = doc_.text(*m)) {
      if (auto bytes = parse_size(t->value); bytes && *bytes > 0)
        delivery.max_message_bytes = *bytes;
      else
        doc_.error(*m,
                   "expected a size: a whole number and a unit, B, "
                   "KB, MB, GB (powers of 1000) or KiB, MiB, GiB "
                   "(e.g. 10MB)");
    }
  doc_.assign(delivery.report_url, f.optional("report_url"));
  if (auto s = f.optional("send_when"))
    if (auto i = doc_.choice(*s, kSendWhen))
      delivery.send_when = static_cast<SendWhen>(*i);
  read_duration(delivery.give_up_after_seconds, f.optional("give_up_after"));
  return delivery;
}

Burst SpecReader::read_burst(const Cursor& at, const Spec& spec) {
  Burst burst;
  burst.location = doc_.where(at);
  if (!doc_.expect_map(at, "a map with by and values")) return burst;
  Fields f(doc_, at, {"by", "values", "recipients_query"});
  if (auto by = f.required("by", "DATASET.COLUMN, e.g. calls.queue"))
    if (auto t = doc_.text(*by)) {
      const auto dot = t->value.find('.');
      burst.dataset = t->value.substr(0, dot);
      burst.column = dot == std::string::npos ? "" : t->value.substr(dot + 1);
      const table::CanonicalDataset* dataset =
          table::find_dataset(burst.dataset);
      const bool read = std::any_of(
          spec.sources.begin(), spec.sources.end(),
          [&](const Source& s) { return s.dataset == burst.dataset; });
      if (dataset == nullptr || burst.column.empty()) {
        doc_.error(*by, fmt::format("expected DATASET.COLUMN, e.g. "
                                    "calls.queue or customers.region; "
                                    "datasets: {}",
                                    join(dataset_names())));
      } else if (std::none_of(
                     dataset->columns.begin(), dataset->columns.end(),
                     [&](const auto& c) { return c.name == burst.column; })) {
        std::vector<std::string> columns;
        for (const auto& c : dataset->columns) columns.emplace_back(c.name);
        doc_.error(*by, fmt::format("{} has no column '{}';{} its columns: "
                                    "{}",
                                    burst.dataset, burst.column,
                                    did_you_mean(burst.column, columns),
                                    join(columns)));
      } else if (dataset->find(burst.column)->kind != table::ColumnKind::Text) {
        doc_.error(*by, fmt::format("{}.{} is not a text column: a burst "
                                    "is by the values of a dimension (a "
                                    "queue, a region, a channel)",
                                    burst.dataset, burst.column));
      } else if (!read) {
        doc_.error(
            *by, fmt::format("no source of this spec fills {}", burst.dataset));
      }
    }
  std::map<std::string, std::vector<std::string>> groups;
  if (spec.delivery) groups = spec.delivery->groups;
  if (auto q = f.optional("recipients_query");
      q && doc_.expect_map(*q, "a map with url and sql")) {
    Fields qf(doc_, *q, {"url", "sql"});
    doc_.assign(burst.recipients_url,
                qf.required("url", "sqlite3://PATH or postgresql://..."));
    doc_.assign(burst.recipients_sql,
                qf.required("sql", "a query whose rows are (value, address)"));
  }
  // A map gives each value its recipients; a list names the values, whose
  // recipients the query gives.
  if (auto v = f.required("values",
                          "the values: a map of each value to its "
                          "recipients, or a list")) {
    if (v->node.IsSequence()) {
      for (const auto& item : doc_.items(*v))
        if (auto t = doc_.text(item)) burst.values.push_back({t->value, {}});
      if (burst.recipients_sql.empty() && !burst.values.empty())
        doc_.error(*v,
                   "a list of values needs recipients_query to give "
                   "their recipients (or write a map: value: "
                   "[addresses])");
    } else if (doc_.expect_map(*v, "a map: each value and its recipients")) {
      for (const auto& entry : doc_.entries(*v))
        burst.values.emplace_back(entry.key,
                                  read_recipients(entry.value, groups));
    }
    if (burst.values.empty())
      doc_.error(*v, "expected at least one value and its recipients");
  }
  return burst;
}

}  // namespace vigie::spec
