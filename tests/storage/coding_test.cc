#include "storage/coding.h"

#include <gtest/gtest.h>

namespace stedi {
namespace {

std::span<const uint8_t> Bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

TEST(CodingTest, VarintRoundTrip) {
  for (uint64_t v : {uint64_t{0}, uint64_t{1}, uint64_t{127}, uint64_t{128}, uint64_t{300},
                     uint64_t{1} << 35, ~uint64_t{0}}) {
    std::string s;
    PutVarint(&s, v);
    EXPECT_EQ(s.size(), VarintLength(v));
    ByteReader r(Bytes(s));
    uint64_t back;
    ASSERT_TRUE(r.ReadVarint(&back));
    EXPECT_EQ(back, v);
    EXPECT_EQ(r.remaining(), 0u);
  }
}

TEST(CodingTest, VarintRejectsTruncatedOverlongAndNonMinimal) {
  uint64_t v;
  std::string truncated = "\x80";
  EXPECT_FALSE(ByteReader(Bytes(truncated)).ReadVarint(&v));
  std::string non_minimal("\x81\x00", 2);
  EXPECT_FALSE(ByteReader(Bytes(non_minimal)).ReadVarint(&v));
  std::string overlong(11, '\xff');
  EXPECT_FALSE(ByteReader(Bytes(overlong)).ReadVarint(&v));
  std::string too_big("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 10);
  EXPECT_FALSE(ByteReader(Bytes(too_big)).ReadVarint(&v));
}

TEST(CodingTest, FixedLittleEndian) {
  std::string s;
  PutFixed32(&s, 0x04030201);
  PutFixed64(&s, 0x0807060504030201ull);
  EXPECT_EQ(s, std::string("\x01\x02\x03\x04\x01\x02\x03\x04\x05\x06\x07\x08", 12));
}

TEST(CodingTest, ReaderNeverReadsPastTheEnd) {
  std::string s = "abc";
  ByteReader r(Bytes(s), 100);
  uint32_t v32;
  EXPECT_FALSE(r.ReadFixed32(&v32));
  std::span<const uint8_t> out;
  EXPECT_FALSE(r.ReadBytes(4, &out));
  EXPECT_TRUE(r.ReadBytes(3, &out));
  uint8_t b;
  EXPECT_FALSE(r.ReadU8(&b));
  Status st = r.Error("x");
  EXPECT_TRUE(st.IsCorruption());
  EXPECT_EQ(st.message(), "offset 103: x");
}

}  // namespace
}  // namespace stedi
