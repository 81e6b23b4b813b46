#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugin_host/arrow_import.hpp"
#include "plugin_host/connector.hpp"
#include "plugin_host/plugin_error.hpp"
#include "test_plugins.hpp"

namespace vigie::plugin_host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::map<std::string, std::string> memory_config(int batch_rows) {
  return {{"columns", "id,name"},
          {"rows.0", "1|Alice"},
          {"rows.1", "2|\\N"},
          {"rows.2", "3|Chloé"},
          {"batch_rows", std::to_string(batch_rows)},
          {"fail_at_batch", "-1"}};
}

TEST(Connector, StreamsCheckedBatches) {
  Connector c(Library::load(testing::test_plugin("memory")), memory_config(2),
              "people");
  EXPECT_EQ(c.origin(), "memory");
  auto stream = c.open();
  ASSERT_EQ(stream.schema().n_children, 3);  // id, name, _line
  auto first = stream.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->view().rows(), 2);
  EXPECT_EQ(first->view().column("name").string_at(0), "Alice");
  EXPECT_FALSE(first->view().column("name").is_valid(1));
  auto second = stream.next();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->view().column("name").string_at(0), "Chloé");
  EXPECT_EQ(second->view().column("_line").ints()[0], 3);
  EXPECT_FALSE(stream.next());
}

TEST(Connector, BatchKeepsItsLibraryLoaded) {
  std::unique_ptr<Batch> batch;
  std::weak_ptr<const Library> weak;
  {
    auto lib = Library::load(testing::test_plugin("memory"));
    weak = lib;
    Connector c(lib, memory_config(10), "people");
    auto stream = c.open();
    batch = stream.next();
  }
  // Connector, stream and our own reference are gone; the batch still holds
  // the library whose code will release it.
  EXPECT_FALSE(weak.expired());
  EXPECT_EQ(batch->view().column("id").string_at(2), "3");
  batch.reset();
  EXPECT_TRUE(weak.expired());
}

std::string failure(const std::string& mode) {
  try {
    Connector c(Library::load(testing::test_plugin("failing")),
                {{"mode", mode}}, "crm");
    auto stream = c.open();
    while (stream.next()) {
    }
  } catch (const PluginError& e) {
    return e.what();
  }
  return "";
}

TEST(Connector, FailuresNameThePluginAndTheSource) {
  EXPECT_THAT(failure("throw_on_create"),
              AllOf(HasSubstr("plugin 'failing' (source 'crm')"),
                    HasSubstr("failing on purpose")));
  EXPECT_THAT(failure("throw_on_open"),
              AllOf(HasSubstr("plugin 'failing' (source 'crm', failing)"),
                    HasSubstr("cannot open: no such file")));
  EXPECT_THAT(failure("bad_batch"),
              AllOf(HasSubstr("plugin 'failing' (source 'crm', failing)"),
                    HasSubstr("batch 1 does not match its declared schema"),
                    HasSubstr("1 columns, its schema declares 2")));
  EXPECT_THAT(failure("short_column"),
              AllOf(HasSubstr("batch 1 does not match"),
                    HasSubstr("column 'b': has 0 rows, its batch 1")));
}

TEST(Connector, RetryableFailureIsTyped) {
  Connector c(Library::load(testing::test_plugin("failing")),
              {{"mode", "retryable_open"}}, "crm");
  EXPECT_THROW(c.open(), RetryablePluginError);
}

TEST(Connector, ExceptionInsideAReaderBecomesAnError) {
  auto config = memory_config(1);
  config["fail_at_batch"] = "1";
  Connector c(Library::load(testing::test_plugin("memory")), config, "people");
  auto stream = c.open();
  EXPECT_TRUE(stream.next());
  try {
    stream.next();
    FAIL() << "expected an error";
  } catch (const PluginError& e) {
    EXPECT_THAT(e.what(),
                AllOf(HasSubstr("plugin 'memory' (source 'people'"),
                      HasSubstr("memory connector failed on purpose")));
  }
}

}  // namespace
}  // namespace vigie::plugin_host

namespace vigie::plugin_host {
namespace {

TEST(ArrowImport, ColumnUnitsCrossAsFieldMetadata) {
  auto table = std::make_shared<Table>();
  table->add("share", Type::Double, "ratio").push_double(0.25);
  table->add("basket", Type::Double, "currency").push_double(12.5);
  table->add("plain", Type::Int64).push_int(3);
  ArrowArray array;
  ArrowSchema schema;
  export_table(std::shared_ptr<const Table>(table), &array, &schema);
  // The unit travels as Arrow metadata: a reader that ignores it still
  // reads the values.
  TableView view(&schema, &array);
  EXPECT_EQ(view.column("share").unit(), "ratio");
  EXPECT_EQ(view.column("plain").unit(), "");
  EXPECT_EQ(schema.children[2]->metadata, nullptr);
  const Table copy = import_table(schema, array);
  EXPECT_EQ(copy.find("share")->unit, "ratio");
  EXPECT_EQ(copy.find("basket")->unit, "currency");
  EXPECT_EQ(copy.find("basket")->doubles[0], 12.5);
  EXPECT_EQ(copy.find("plain")->unit, "");
  array.release(&array);
  schema.release(&schema);
}

}  // namespace
}  // namespace vigie::plugin_host
