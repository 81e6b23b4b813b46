// Builds one canonical dataset from the batches of its sources: maps source
// columns onto canonical ones (plain names or expressions), types every
// value, encodes ids in the shared dictionaries, and rejects the rows that
// do not fit, saying where and why. Only the columns the report reads are
// kept (the plan's projection): the others are mapped and checked as
// strictly, so that a row is rejected or kept the same way, but their ids
// are not interned and their values not stored.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "ingest/expression.hpp"
#include "ingest/lookup_table.hpp"
#include "ingest/rejects.hpp"
#include "table/canonical.hpp"
#include "table/interner.hpp"
#include "table/parse.hpp"
#include "vigie/sdk/arrow_view.hpp"

namespace vigie::ingest {

// The dictionaries shared by every dataset of a run.
struct Identity {
  table::Interner customers;
  table::Interner visitors;
};

// A mapping that cannot apply to a source (a spec error): which column.
class MappingError : public std::runtime_error {
 public:
  MappingError(std::string column, const std::string& message)
      : std::runtime_error(message), column_(std::move(column)) {}
  const std::string& column() const { return column_; }

 private:
  std::string column_;
};

class DatasetBuilder {
 public:
  // Keeps every column.
  DatasetBuilder(const table::CanonicalDataset& dataset, Identity& identity,
                 const table::TimestampParser& timestamps);
  // Keeps the columns named in `kept` only.
  DatasetBuilder(const table::CanonicalDataset& dataset, Identity& identity,
                 const table::TimestampParser& timestamps,
                 const std::set<std::string>& kept);
  ~DatasetBuilder();

  // Starts a source: binds its mapping (canonical column -> expression) to
  // the source's columns. Throws MappingError for a required column the
  // source lacks or an expression that does not parse. Its lookup()
  // calls consult `lookups`, which must outlive the source.
  void begin_source(const std::string& source, const std::string& origin,
                    const std::map<std::string, std::string>& mapping,
                    const ArrowSchema& schema,
                    const Lookups* lookups = nullptr);
  // The keys the current source's mapping looked up in vain so far;
  // nothing when it consults no lookup.
  std::optional<int64_t> unmatched() const;
  // The first and last instants of the current source's kept rows, when
  // the dataset's time column is a timestamp and a row was kept.
  std::optional<std::pair<int64_t, int64_t>> time_range() const;
  // Appends a batch of the current source; bad rows go to `rejects`.
  void append(const TableView& batch, RejectLog& rejects);
  // The dataset: the kept canonical columns some source provided.
  std::shared_ptr<const Table> finish();

 private:
  struct Binding;
  struct Typed;
  struct Scratch;
  Typed type_text(size_t column, std::string_view text, std::string& reason);
  const table::CanonicalDataset& dataset_;
  Identity& identity_;
  const table::TimestampParser& timestamps_;
  std::vector<table::Interner> text_dictionaries_;  // one a Text column
  Table table_;
  std::vector<bool> provided_;
  std::vector<bool> kept_;  // by canonical column
  std::unique_ptr<Binding> binding_;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace vigie::ingest
