// A SELECT read row by row into a struct of the caller's: `Row` binds its
// members with into() (and indicators for the columns that may be NULL)
// and turns them into a record with take(). SOCI's rowset<row> would give
// each column the backend's own type (an INTEGER is an int in PostgreSQL
// and may be a long long in SQLite); into() converts.
#pragma once

#include <soci/soci.h>

#include <string>
#include <utility>
#include <vector>

#include "history/state_store.hpp"

namespace vigie::history {

template <typename Row, typename BindUses>
auto select_rows(StateStore& store, const std::string& query,
                 BindUses bind_uses) {
  std::vector<decltype(std::declval<Row&>().take())> out;
  Row row;
  soci::statement st(store.sql());
  row.bind(st);
  bind_uses(st);
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.push_back(row.take());
  return out;
}

}  // namespace vigie::history
