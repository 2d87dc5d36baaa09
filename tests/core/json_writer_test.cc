#include "core/json_writer.h"

#include <gtest/gtest.h>

namespace stedi {
namespace {

TEST(JsonWriterTest, CompactNesting) {
  JsonWriter w;
  w.BeginObject().Key("a").Int(1).Key("b").BeginArray().String("x").Null().Bool(true).EndArray();
  w.Key("c").BeginObject().EndObject().Key("d").Double(1.5).EndObject();
  EXPECT_EQ(w.str(), R"({"a":1,"b":["x",null,true],"c":{},"d":1.5})");
}

TEST(JsonWriterTest, Indented) {
  JsonWriter w(2);
  w.BeginObject().Key("a").BeginArray().Int(1).Int(2).EndArray().EndObject();
  EXPECT_EQ(w.str(), "{\n  \"a\": [\n    1,\n    2\n  ]\n}");
}

TEST(JsonWriterTest, EscapesControlQuotesAndInvalidUtf8) {
  std::string out;
  AppendJsonString(out, std::string("q\"\\\n\x01 é \xff\xc3", 11));
  EXPECT_EQ(out, "\"q\\\"\\\\\\n\\u0001 é \\u00ff\\u00c3\"");
}

TEST(JsonWriterTest, NonFiniteDoublesAreNull) {
  JsonWriter w;
  w.BeginArray().Double(1.0 / 0.0).EndArray();
  EXPECT_EQ(w.str(), "[null]");
}

}  // namespace
}  // namespace stedi
