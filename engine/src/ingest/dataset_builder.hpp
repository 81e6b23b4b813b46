// Builds one canonical dataset from the batches of its sources: maps source
// columns onto canonical ones (plain names or expressions), types every
// value, encodes ids in the shared dictionaries, and rejects the rows that
// do not fit, saying where and why.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ingest/expression.hpp"
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
  DatasetBuilder(const table::CanonicalDataset& dataset, Identity& identity,
                 const table::TimestampParser& timestamps);
  ~DatasetBuilder();

  // Starts a source: binds its mapping (canonical column -> expression) to
  // the source's columns. Throws MappingError for a required column the
  // source lacks or an expression that does not parse.
  void begin_source(const std::string& source, const std::string& origin,
                    const std::map<std::string, std::string>& mapping,
                    const ArrowSchema& schema);
  // Appends a batch of the current source; bad rows go to `rejects`.
  void append(const TableView& batch, RejectLog& rejects);
  // The dataset: the canonical columns some source provided.
  std::shared_ptr<const Table> finish();

 private:
  struct Binding;
  const table::CanonicalDataset& dataset_;
  Identity& identity_;
  const table::TimestampParser& timestamps_;
  std::vector<table::Interner> text_dictionaries_;  // one a Text column
  Table table_;
  std::vector<bool> provided_;
  std::unique_ptr<Binding> binding_;
};

}  // namespace vigie::ingest
