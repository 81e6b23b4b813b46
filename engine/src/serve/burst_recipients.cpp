#include "serve/burst_recipients.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>

#include "history/sql_database.hpp"
#include "secrets/redactor.hpp"

namespace vigie::serve {

std::map<std::string, std::vector<std::string>> query_burst_recipients(
    const spec::Burst& burst) {
  std::map<std::string, std::vector<std::string>> out;
  if (burst.recipients_sql.empty()) return out;
  history::SqlDatabase db =
      history::open_sql_database(burst.recipients_url, "recipients database");
  try {
    std::string value, address;
    soci::indicator value_ind{}, address_ind{};
    soci::statement st =
        (db.session->prepare << burst.recipients_sql,
         soci::into(value, value_ind), soci::into(address, address_ind));
    st.execute(false);
    while (st.fetch()) {
      if (value_ind != soci::i_ok || address_ind != soci::i_ok) continue;
      auto& list = out[value];
      if (std::find(list.begin(), list.end(), address) == list.end())
        list.push_back(address);
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format(
        "the recipients query of burst.recipients_query on {} failed "
        "(expected rows of (value, address)): {}",
        db.name, secrets::redact(e.what())));
  }
  return out;
}

}  // namespace vigie::serve
