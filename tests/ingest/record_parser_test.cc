#include "ingest/record_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/table.h"
#include "ingest/chunk_parser.h"
#include "ingest/padded_text.h"

namespace stedi {
namespace {

// One field of each type, all nullable.
Schema AllTypes() {
  return Schema({Field{"b", TypeId::kBool}, Field{"i32", TypeId::kInt32},
                 Field{"i64", TypeId::kInt64}, Field{"d", TypeId::kDouble},
                 Field{"s", TypeId::kString}, Field{"ts", TypeId::kTimestamp}});
}

struct Case {
  std::string json;
  std::string row_or_reason;  // "ok: <row>" or the reason
};

class RecordParserTest : public ::testing::TestWithParam<Case> {};

TEST_P(RecordParserTest, ParsesOrRejects) {
  const Case& c = GetParam();
  RecordParser parser(AllTypes(), 1 << 20);
  std::string padded = c.json + std::string(PaddedText::kPadding, '\0');
  std::vector<ColumnBuilder> builders = MakeBuilders(AllTypes(), 1);
  if (parser.Parse(padded.data(), c.json.size())) {
    parser.AppendTo(builders);
    std::vector<Column> columns;
    for (ColumnBuilder& b : builders) columns.push_back(b.Finish());
    auto table = Table::Make(AllTypes(), std::move(columns));
    ASSERT_TRUE(table.ok());
    EXPECT_EQ("ok: " + table->RowToString(0), c.row_or_reason);
  } else {
    EXPECT_EQ(parser.reason(), c.row_or_reason);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Types, RecordParserTest,
    ::testing::Values(
        Case{"{}", "ok: NULL | NULL | NULL | NULL | NULL | NULL"},
        Case{"{\"b\":true,\"i32\":-2147483648,\"i64\":9223372036854775807,\"d\":1e-3,\"s\":\"\","
             "\"ts\":1655564444103}",
             "ok: true | -2147483648 | 9223372036854775807 | 0.001 |  | 1655564444103"},
        Case{"{\"b\":false,\"i32\":2147483647,\"i64\":-9223372036854775808}",
             "ok: false | 2147483647 | -9223372036854775808 | NULL | NULL | NULL"},
        Case{"{\"i32\":2147483648}", "field 'i32': 2147483648 is out of range for int32"},
        Case{"{\"i32\":-2147483649}", "field 'i32': -2147483649 is out of range for int32"},
        Case{"{\"i64\":9223372036854775808}",
             "field 'i64': 9223372036854775808 is out of range for int64"},
        Case{"{\"ts\":\"2022-06-18\"}", "field 'ts': expected timestamp, got string"},
        Case{"{\"ts\":1.5e3}", "ok: NULL | NULL | NULL | NULL | NULL | 1500"},
        Case{"{\"i64\":-0.0}", "ok: NULL | NULL | 0 | NULL | NULL | NULL"},
        Case{"{\"b\":1}", "field 'b': expected bool, got number"},
        Case{"{\"b\":\"true\"}", "field 'b': expected bool, got string"},
        Case{"{\"d\":12345678901234567890123}",
             "ok: NULL | NULL | NULL | 1.2345678901234568e+22 | NULL | NULL"},
        Case{"{\"s\":-1.50}", "ok: NULL | NULL | NULL | NULL | -1.50 | NULL"},
        Case{"{\"s\":[\"a\"]}", "field 's': expected string, got array"},
        Case{"{\"d\":1e999}", "field 'd': 1e999 is out of range for double"},
        Case{"{\"i64\":-1e999}", "field 'i64': -1e999 is out of range for int64"},
        Case{"{\"s\":1e999}", "ok: NULL | NULL | NULL | NULL | 1e999 | NULL"},
        Case{"{\"d\":01}", "invalid JSON: Problem while parsing a number"},
        Case{"{\"i64\":01}", "invalid JSON: Problem while parsing a number"},
        Case{"{\"d\":1.}", "invalid JSON: Problem while parsing a number"},
        Case{"{\"s\":\"tab\\there\"}", "ok: NULL | NULL | NULL | NULL | tab\there | NULL"}));

TEST(RecordParserTest, ReusesItselfAcrossRecords) {
  RecordParser parser(AllTypes(), 1 << 20);
  std::vector<ColumnBuilder> builders = MakeBuilders(AllTypes(), 0);
  for (const std::string json : {"{\"s\":\"x\",\"i64\":1}", "{\"i64\":\"bad\"}", "{\"s\":\"y\"}"}) {
    const std::string padded = json + std::string(PaddedText::kPadding, '\0');
    if (parser.Parse(padded.data(), json.size())) parser.AppendTo(builders);
  }
  std::vector<Column> columns;
  for (ColumnBuilder& b : builders) columns.push_back(b.Finish());
  auto table = Table::Make(AllTypes(), std::move(columns));
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->num_rows(), 2u);
  // Nothing of the rejected record leaks into the next row.
  EXPECT_EQ(table->RowToString(1), "NULL | NULL | NULL | NULL | y | NULL");
}

}  // namespace
}  // namespace stedi
