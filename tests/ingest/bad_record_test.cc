#include "ingest/bad_record.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>

#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

TEST(BadRecordModeTest, ParsesTheThreeNames) {
  for (BadRecordMode m : {BadRecordMode::kQuarantine, BadRecordMode::kFail, BadRecordMode::kSkip}) {
    auto parsed = ParseBadRecordMode(BadRecordModeName(m));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, m);
  }
  EXPECT_TRUE(ParseBadRecordMode("Fail").status().IsInvalidArgument());
  EXPECT_TRUE(ParseBadRecordMode("").status().IsInvalidArgument());
}

TEST(WriteRejectedJsonlTest, EveryLineIsValidJsonEvenForInvalidUtf8) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/rejected.jsonl";
  const std::vector<RejectedRecord> records = {
      {"in/a.json", 2, "invalid UTF-8", std::string("{\"n\":\"\xff\xc3\x28\"}\r")},
      {"in/b.json", 10, "field 'x': expected double, got string",
       "{\"x\":\"caf\xC3\xA9\",\"t\":\"\t\x01\"}"},
  };
  ASSERT_TRUE(WriteRejectedJsonl(path, records).ok());
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "{\"file\":\"in/a.json\",\"line\":2,\"reason\":\"invalid UTF-8\",\"raw\":"
            "\"{\\\"n\\\":\\\"\\u00ff\\u00c3(\\\"}\\r\"}");
  simdjson::dom::parser parser;
  for (size_t i = 0; i < lines.size(); ++i) {
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(lines[i]).get(doc), simdjson::SUCCESS) << lines[i];
    EXPECT_EQ(std::string(doc["file"].get_string().value()), records[i].file);
    EXPECT_EQ(doc["line"].get_uint64().value(), records[i].line);
    EXPECT_EQ(std::string(doc["reason"].get_string().value()), records[i].reason);
  }
  // Valid UTF-8 and control characters round-trip exactly.
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(lines[1]).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(std::string(doc["raw"].get_string().value()), records[1].raw);
}

TEST(WriteRejectedJsonlTest, UnwritablePathIsAnIOError) {
  testing::TempDir dir;
  Status s = WriteRejectedJsonl(dir.path() + "/no/such/dir/x.jsonl", {});
  EXPECT_TRUE(s.IsIOError());
  EXPECT_NE(s.message().find("no/such/dir"), std::string::npos);
}

}  // namespace
}  // namespace stedi
