#include "ingest/schema_inference.h"

#include <gtest/gtest.h>

#include "ingest/jsonl_reader.h"
#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

using testing::TempDir;

struct Case {
  std::string name;
  std::string text;
  std::string schema;
};

class InferSchemaTest : public ::testing::TestWithParam<Case> {};

TEST_P(InferSchemaTest, WidensAsTheDataDemands) {
  TempDir dir;
  auto schema = InferSchema({dir.Write("a.json", GetParam().text)});
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  EXPECT_EQ(schema->ToString(), GetParam().schema);
}

INSTANTIATE_TEST_SUITE_P(
    Ingest, InferSchemaTest,
    ::testing::Values(
        Case{"one_of_each", "{\"b\":true,\"i\":1,\"d\":1.5,\"s\":\"x\",\"n\":null}\n",
             "b:bool?, i:int64?, d:double?, s:string?, n:string?"},
        Case{"int_then_double", "{\"v\":1}\n{\"v\":2.5}\n{\"v\":3}\n", "v:double?"},
        Case{"int_past_int64_is_double", "{\"v\":1}\n{\"v\":18446744073709551615}\n", "v:double?"},
        Case{"number_then_string", "{\"v\":1}\n{\"v\":\"x\"}\n", "v:string?"},
        Case{"bool_then_number", "{\"v\":true}\n{\"v\":1}\n", "v:string?"},
        Case{"null_then_int", "{\"v\":null}\n{\"v\":7}\n", "v:int64?"},
        Case{"first_seen_order_and_spelling", "{\"b\":1}\n{\"A\":1,\"B\":2}\n{\"c\":1,\"a\":2}\n",
             "b:int64?, A:int64?, c:int64?"},
        Case{"nested_left_out", "{\"o\":{\"x\":1},\"a\":[1],\"k\":1}\n{\"o\":1}\n", "k:int64?"},
        Case{"bad_records_passed_over",
             "{\"k\":1}\nnot json\n{\"k\":\"dup\",\"K\":2}\n[1]\n{\"k\":2} x\n\n", "k:int64?"},
        Case{"array_file", "[{\"k\":1},{\"k\":1.5,\"z\":false}]", "k:double?, z:bool?"},
        Case{"empty", "", ""}),
    [](const auto& info) { return info.param.name; });

TEST(InferSchemaSampleTest, StopsAfterTheSample) {
  TempDir dir;
  const std::string a = dir.Write("a.json", "{\"v\":1}\n{\"v\":2}\n");
  const std::string b = dir.Write("b.json", "{\"v\":\"x\",\"w\":1}\n");
  EXPECT_EQ(InferSchema({a, b}, 2)->ToString(), "v:int64?");
  EXPECT_EQ(InferSchema({a, b}, 3)->ToString(), "v:string?, w:int64?");
  EXPECT_EQ(InferSchema({a, b}, 0)->ToString(), "v:string?, w:int64?");
}

TEST(InferSchemaSampleTest, InferredSchemaIngestsEveryRecord) {
  TempDir dir;
  const std::string a =
      dir.Write("a.json", "{\"v\":1,\"s\":true}\n{\"v\":2.5,\"s\":\"x\",\"t\":null}\n{\"v\":-3}\n");
  auto schema = InferSchema({a});
  ASSERT_TRUE(schema.ok());
  auto r = IngestFiles({a}, *schema, IngestOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stats.records_rejected, 0u);
  EXPECT_EQ(r->table.RowToString(0), "1 | true | NULL");
  EXPECT_EQ(r->table.RowToString(2), "-3 | NULL | NULL");
}

TEST(InferSchemaSampleTest, MissingFile) {
  EXPECT_TRUE(InferSchema({"/nonexistent/x.json"}).status().IsNotFound());
}

}  // namespace
}  // namespace stedi
