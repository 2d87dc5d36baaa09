#include "ingest/flat_record_scanner.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "ingest/padded_text.h"

namespace stedi {
namespace {

Schema TestSchema() {
  return Schema({Field{"user", TypeId::kString}, Field{"ts", TypeId::kTimestamp},
                 Field{"x", TypeId::kDouble}, Field{"n", TypeId::kInt32}, Field{"b", TypeId::kBool},
                 Field{"\xC3\xBC", TypeId::kString}});
}

// Scans `json` (copied with padding) into `values`; true when accepted.
bool ScanText(const FlatRecordScanner& scanner, const std::string& json,
              std::vector<StagedValue>* values) {
  values->assign(TestSchema().size(), StagedValue{});
  // The padding holds a plausible next line, as a real read window does.
  static const std::string kNext = "\n{\"user\":\"x\"}\"}]1 ";
  const std::string padded = json + kNext + std::string(PaddedText::kPadding, '"');
  if (!scanner.Scan(padded.data(), json.size(), values->data())) return false;
  for (StagedValue& v : *values) {  // move string views off the temporary
    if (v.state == StagedState::kValue && !v.s.empty()) {
      const auto offset = static_cast<size_t>(v.s.data() - padded.data());
      v.s = std::string_view(json).substr(offset, v.s.size());
    }
  }
  return true;
}

// The independent oracle: simdjson's DOM parser must accept the record and
// give each field exactly the value the scanner staged.
void ExpectSameAsDom(const std::string& json, const std::vector<StagedValue>& values) {
  SCOPED_TRACE(json);
  const Schema schema = TestSchema();
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS);
  simdjson::dom::object object;
  ASSERT_EQ(doc.get_object().get(object), simdjson::SUCCESS);
  std::vector<bool> seen(schema.size(), false);
  for (auto [key, value] : object) {
    size_t f = 0;
    while (f < schema.size() && !EqualsIgnoreCase(key, schema.field(f).name)) ++f;
    ASSERT_LT(f, schema.size()) << "accepted an unknown key " << key;
    ASSERT_FALSE(seen[f]) << "accepted a repeated key " << key;
    seen[f] = true;
    const StagedValue& v = values[f];
    if (value.is_null()) {
      EXPECT_EQ(v.state, StagedState::kNull);
      continue;
    }
    ASSERT_EQ(v.state, StagedState::kValue);
    switch (schema.field(f).type) {
      case TypeId::kString:
        EXPECT_EQ(std::string_view(value.get_string()), v.s);
        break;
      case TypeId::kDouble: {
        const double d = value.get_double();
        EXPECT_EQ(std::memcmp(&d, &v.d, sizeof d), 0) << d << " != " << v.d;
        break;
      }
      case TypeId::kBool:
        EXPECT_EQ(bool(value.get_bool()) ? 1 : 0, v.i);
        break;
      default:
        ASSERT_TRUE(value.is_int64());
        EXPECT_EQ(int64_t(value.get_int64()), v.i);
    }
  }
  for (size_t f = 0; f < schema.size(); ++f) {
    if (!seen[f]) {
      EXPECT_EQ(values[f].state, StagedState::kAbsent) << schema.field(f).name;
    }
  }
}

TEST(FlatRecordScannerTest, AcceptsTheExpectedShape) {
  const FlatRecordScanner scanner(TestSchema());
  std::vector<StagedValue> v;
  for (const std::string json :
       {"{\"user\":\"Emeka.Patel@test.com\",\"ts\":1655561670434,\"x\":-1.0,\"n\":264}",
        " { \"user\" : \"a\" , \"TS\" :\t-0 ,\"x\":0.1,\"b\":false, \"\xC3\xBC\":\"\xC3\xA9\"}\r ",
        "{\"x\":1234567890123456,\"n\":-2147483648,\"b\":true,\"user\":null}",
        "{\"x\":9007199254740992,\"n\":2147483647,\"ts\":-999999999999999999}",
        "{\"x\":0.0000000000000001}", "{\"ts\":12345678}", "{\"ts\":-123456789,\"x\":87654321.5}",
        "{}", "{ }"}) {
    ASSERT_TRUE(ScanText(scanner, json, &v)) << json;
    ExpectSameAsDom(json, v);
  }
}

TEST(FlatRecordScannerTest, LeavesEverythingElseToTheFullParser) {
  const FlatRecordScanner scanner(TestSchema());
  std::vector<StagedValue> v;
  for (const std::string json : {"{\"user\":\"a\\\"b\"}",
                                 "{\"us\\u0065r\":\"a\"}",
                                 "{\"other\":1}",
                                 "{\"user\":\"a\",\"user\":\"b\"}",
                                 "{\"user\":\"a\",\"USER\":\"b\"}",
                                 "{\"user\":\"tab\there\"}",
                                 "{\"user\":\"\xC3\"}",
                                 "{\"user\":1}",
                                 "{\"ts\":1.0}",
                                 "{\"ts\":1e3}",
                                 "{\"ts\":01}",
                                 "{\"ts\":1234567890123456789}",
                                 "{\"n\":2147483648}",
                                 "{\"x\":-0.0}",
                                 "{\"x\":1e3}",
                                 "{\"x\":1.}",
                                 "{\"x\":.5}",
                                 "{\"x\":9007199254740993}",
                                 "{\"x\":0.1234567890123456789}",
                                 "{\"x\":+1}",
                                 "{\"b\":1}",
                                 "{\"b\":tru}",
                                 "{\"b\":nul}",
                                 "{\"user\":\"a\"} x",
                                 "{\"user\":\"a\"}}",
                                 "{\"user\":\"a\",}",
                                 "{\"user\" \"a\"}",
                                 "[1]",
                                 "",
                                 " ",
                                 "{",
                                 "{\"user\":\"a\"",
                                 "{\"user\":{\"a\":1}}",
                                 "{\"x\":[1]}",
                                 "{\"ts\":1,\"x\":2,\"n\":3,\"x\":4}"}) {
    EXPECT_FALSE(ScanText(scanner, json, &v)) << json;
  }
}

TEST(FlatRecordScannerTest, NamesThatNeedEscapesAreNeverComparedAsBytes) {
  const FlatRecordScanner scanner(Schema({Field{"a\"b", TypeId::kInt64}}));
  std::vector<StagedValue> v(1);
  const std::string json = "{\"a\"b\":1}";
  const std::string padded = json + std::string(PaddedText::kPadding, '\0');
  EXPECT_FALSE(scanner.Scan(padded.data(), json.size(), v.data()));
}

// A random record: mostly keys of the schema with values of their types,
// sometimes anything, from tokens near the edges of what the scanner takes.
std::string RandomRecord(std::mt19937_64& rng) {
  static const std::vector<std::vector<std::string>> kPools = {
      {"\"a@b.com\"", "\"\"", "\"\xE2\x82\xAC\"", "\"\xF0\x9F\x98\x80z\"", "\"a\\nb\"", "null"},
      {"0", "-0", "7", "-12", "1655561670434", "999999999999999999", "1e2", "1.0", "00", "null"},
      {"1.0", "-1.5", "0.1", "3.14159", "-0.0", "123.456e-2", "9007199254740993", "7",
       "0.30000000000000004", "1.2.3", "null"},
      {"0", "-7", "2147483647", "2147483648", "-2147483648", "-2147483649", "null"},
      {"true", "false", "null", "nul", "[]", "{}"}};
  static const char* kKeys[] = {"user", "ts", "x", "n", "b", "\xC3\xBC", "USER", "Ts", "zz"};
  std::string json = "{";
  const int fields = static_cast<int>(rng() % 6);
  for (int f = 0; f < fields; ++f) {
    if (f > 0) json += rng() % 8 == 0 ? " , " : ",";
    const size_t field = rng() % 5;
    const bool wild = rng() % 4 == 0;
    json += std::string("\"") + (wild ? kKeys[rng() % std::size(kKeys)] : kKeys[field]) + "\":";
    const auto& pool = kPools[wild ? rng() % kPools.size() : field];
    json += pool[rng() % pool.size()];
  }
  return json + "}";
}

// Random records and their single-byte mutations: whatever the scanner
// accepts, the DOM parser accepts with the same values.
TEST(FlatRecordScannerTest, AcceptsOnlyWhatTheDomParserAgreesWith) {
  static const char kBytes[] = "{}[]\":,\\ 0-+.eE9tnfu\x01\x7f\xc3\xbc\xff";
  std::mt19937_64 rng(7);
  const FlatRecordScanner scanner(TestSchema());
  std::vector<StagedValue> v;
  size_t accepted[2] = {0, 0};  // as generated, mutated
  for (int r = 0; r < 10000; ++r) {
    const std::string json = RandomRecord(rng);
    for (size_t m = 0; m <= json.size(); ++m) {
      std::string mutated = json;
      if (m < json.size()) mutated[m] = kBytes[rng() % (sizeof kBytes - 1)];
      if (!ScanText(scanner, mutated, &v)) continue;
      ++accepted[m < json.size() ? 1 : 0];
      ExpectSameAsDom(mutated, v);
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(accepted[0], 2000u);  // the fast path is really taken
  EXPECT_GT(accepted[1], 1500u);
}

// Random decimal numbers into a double field convert exactly as simdjson does.
TEST(FlatRecordScannerTest, DoublesMatchSimdjsonExactly) {
  std::mt19937_64 rng(11);
  const FlatRecordScanner scanner(TestSchema());
  std::vector<StagedValue> v;
  size_t accepted = 0;
  for (int r = 0; r < 100000; ++r) {
    std::string number = rng() % 2 ? "-" : "";
    number += std::to_string(rng() % 10) + std::string(rng() % 2 ? "" : std::to_string(rng()));
    number = number.substr(0, 1 + rng() % 18);
    if (number == "-" || (number.size() > 1 && number[number[0] == '-'] == '0')) continue;
    if (rng() % 4 != 0) number += "." + std::to_string(rng()).substr(0, 1 + rng() % 17);
    const std::string json = "{\"x\":" + number + "}";
    if (!ScanText(scanner, json, &v)) continue;
    ++accepted;
    ExpectSameAsDom(json, v);
    if (HasFailure()) return;
  }
  EXPECT_GT(accepted, 50000u);
}

}  // namespace
}  // namespace stedi
