// Round trips through every encoding, checks that the chooser picks the
// encoding the data calls for, and feeds decoders hostile bytes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "storage/encoding.h"
#include "storage/encodings/codec.h"
#include "storage/segment_format.h"

namespace stedi {
namespace {

ByteReader Reader(const std::string& s) {
  return ByteReader({reinterpret_cast<const uint8_t*>(s.data()), s.size()});
}

std::string Chain(const Encoded& e) { return DescribeSteps(FlattenSteps(e.node)); }

Encoded RoundTripInts(const std::vector<int64_t>& v, bool top_level = false) {
  EncodeContext ctx;
  Encoded e = top_level
                  ? EncodeTopLevel([&](const EncodeContext& c) { return EncodeInts(v, c); }, ctx)
                  : EncodeInts(v, ctx);
  EXPECT_EQ(e.node.bytes_out, e.bytes.size());
  std::vector<int64_t> back(v.size(), -7);
  Status st = DecodeInts(Reader(e.bytes), v.size(), back.data());
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(back, v) << Chain(e);
  return e;
}

Encoded RoundTripDoubles(const std::vector<double>& v, bool top_level = false) {
  EncodeContext ctx;
  Encoded e = top_level
                  ? EncodeTopLevel([&](const EncodeContext& c) { return EncodeDoubles(v, c); }, ctx)
                  : EncodeDoubles(v, ctx);
  std::vector<double> back(v.size(), -7);
  Status st = DecodeDoubles(Reader(e.bytes), v.size(), back.data());
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(0, std::memcmp(back.data(), v.data(), v.size() * 8)) << Chain(e);
  return e;
}

TEST(EncodingTest, EmptyStreamIsPlain) {
  Encoded e = RoundTripInts({});
  EXPECT_EQ(e.node.id, EncodingId::kPlain);
  EXPECT_EQ(e.bytes.size(), 1u);
}

TEST(EncodingTest, Constant) {
  Encoded e = RoundTripInts(std::vector<int64_t>(1000, 42));
  EXPECT_EQ(e.node.id, EncodingId::kConstant);
  EXPECT_EQ(e.bytes.size(), 9u);
}

TEST(EncodingTest, BitpackPicksTheRangeWidth) {
  std::mt19937_64 rng(1);
  std::vector<int64_t> v(1000);
  for (auto& x : v) x = 1000 + static_cast<int64_t>(rng() % 2048);
  v[0] = 1000;
  v[1] = 1000 + 2047;
  Encoded e = RoundTripInts(v);
  EXPECT_EQ(Chain(e), "bitpack(11)");
}

TEST(EncodingTest, PlainForRandom64BitValues) {
  std::mt19937_64 rng(2);
  std::vector<int64_t> v(500);
  for (auto& x : v) x = static_cast<int64_t>(rng());
  v[0] = std::numeric_limits<int64_t>::min();
  v[1] = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(RoundTripInts(v).node.id, EncodingId::kPlain);
}

TEST(EncodingTest, DeltaForTimestamps) {
  std::vector<int64_t> v;
  int64_t t = 1655564444103;
  std::mt19937_64 rng(3);
  for (int i = 0; i < 5000; ++i) v.push_back(t += 1000 + static_cast<int64_t>(rng() % 16));
  Encoded e = RoundTripInts(v);
  EXPECT_EQ(e.node.id, EncodingId::kDelta) << Chain(e);
  EXPECT_LT(e.bytes.size(), v.size());
}

TEST(EncodingTest, RleForLongRuns) {
  std::mt19937_64 rng(4);
  std::vector<int64_t> v;
  for (int run = 0; run < 50; ++run)
    v.insert(v.end(), 100 + rng() % 50, static_cast<int64_t>(rng()));
  Encoded e = RoundTripInts(v);
  EXPECT_EQ(e.node.id, EncodingId::kRle) << Chain(e);
  EXPECT_EQ(e.node.param, 50u);
}

TEST(EncodingTest, DictionaryForFewLargeValues) {
  std::mt19937_64 rng(5);
  int64_t pool[5];
  for (auto& p : pool) p = static_cast<int64_t>(rng());
  std::vector<int64_t> v(4000);
  for (auto& x : v) x = pool[rng() % 5];
  Encoded e = RoundTripInts(v);
  EXPECT_EQ(e.node.id, EncodingId::kDictionary) << Chain(e);
  EXPECT_EQ(e.node.param, 5u);
  EXPECT_EQ(e.node.children.back().param, 3u);  // codes bit-packed at 3 bits
}

// Values that fill their range are not dictionary candidates: the codes
// would be the values minus the minimum, which bit-packing stores already,
// plus an entries block. With one value missing from the range they are.
TEST(EncodingTest, NoDictionaryForValuesFillingTheirRange) {
  std::vector<int64_t> dense(4000), gap(4000);
  for (size_t i = 0; i < dense.size(); ++i) {
    dense[i] = 201 + static_cast<int64_t>(i * 7919 % 100);  // every value of [201, 300]
    gap[i] = dense[i] == 250 ? 251 : dense[i];
  }
  EncodeContext ctx;
  ctx.for_zstd = true;  // where codes as wide as the range still qualify
  IntStats stats = ComputeIntStats(dense);
  stats.distinct = 100;
  EXPECT_FALSE(ChooseIntDictionary(dense, stats, ctx));
  stats = ComputeIntStats(gap);
  stats.distinct = 99;
  EXPECT_TRUE(ChooseIntDictionary(gap, stats, ctx));
}

// Values within a small range take a direct-indexed dictionary, wider ones a
// hashed one: the same entries in the same order and the same codes.
TEST(EncodingTest, SmallRangeDictionaryMatchesTheHashedOne) {
  std::mt19937_64 rng(9);
  std::vector<int64_t> small(3000), wide(3000);
  for (size_t i = 0; i < small.size(); ++i) {
    small[i] = -40 + static_cast<int64_t>(rng() % 9) * 7;  // 9 values in [-40, 16]
    wide[i] = small[i] * (int64_t{1} << 30);               // the same order, range 2^35
  }
  auto encode = [](const std::vector<int64_t>& v) {
    Encoded e;
    e.bytes.push_back(static_cast<char>(EncodingId::kDictionary));
    EncodeContext ctx;
    ctx.depth = 1;
    EncodeIntDictionary(v, ComputeIntStats(v), ctx, &e);
    std::vector<int64_t> back(v.size());
    const Status st = DecodeInts(Reader(e.bytes), v.size(), back.data());
    EXPECT_TRUE(st.ok()) << st.ToString();
    EXPECT_EQ(back, v);
    return e;
  };
  const Encoded a = encode(small), b = encode(wide);
  EXPECT_EQ(a.node.param, 9u);
  EXPECT_EQ(b.node.param, 9u);
  ASSERT_EQ(a.node.children.size(), 2u);
  ASSERT_EQ(b.node.children.size(), 2u);
  EXPECT_EQ(a.node.children[1].bytes_out, b.node.children[1].bytes_out);  // the codes
  EXPECT_EQ(a.bytes.substr(a.bytes.size() - a.node.children[1].bytes_out),
            b.bytes.substr(b.bytes.size() - b.node.children[1].bytes_out));
}

// A remembered answer is computed once per stream (hash, length, salt) and
// again for other values or another salt; short streams every time.
TEST(EncodingTest, RememberedAnswersOncePerStream) {
  std::vector<int64_t> a(1000), b(1000), short_stream(10);
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<int64_t>(i * 7);
  b = a;
  b[999] += 1;
  int calls = 0;
  auto ask = [&](const std::vector<int64_t>& v, uint64_t salt) {
    return Remembered<size_t>(v, salt, [&] {
      ++calls;
      return v.size() + static_cast<size_t>(v.back());
    });
  };
  EXPECT_EQ(ask(a, 1), 1000u + 6993u);
  EXPECT_EQ(ask(a, 1), 1000u + 6993u);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(ask(b, 1), 1000u + 6994u);
  EXPECT_EQ(ask(a, 2), 1000u + 6993u);
  EXPECT_EQ(calls, 3);
  ask(short_stream, 1);
  ask(short_stream, 1);
  EXPECT_EQ(calls, 5);
}

TEST(EncodingTest, FactorForPerDeviceClockTicks) {
  // Runs of 20 readings per device, each device ticking at its own period.
  std::mt19937_64 rng(11);
  std::vector<int64_t> v;
  for (int device = 0; device < 100; ++device) {
    int64_t t = 1655564444103 + static_cast<int64_t>(rng() % 100000);
    const int64_t period = 2000 + static_cast<int64_t>(rng() % 3000);
    for (int k = 0; k < 20; ++k) v.push_back(t -= period * static_cast<int64_t>(rng() % 4));
  }
  Encoded e = RoundTripInts(v);
  EXPECT_NE(Chain(e).find("factor"), std::string::npos) << Chain(e);
  // Values that defeat the divisor search still round-trip.
  std::vector<int64_t> odd = {0, 0, 6, -9, 12, std::numeric_limits<int64_t>::min() / 2, 15, 0};
  for (int i = 0; i < 40; ++i) odd.push_back(3 * i);
  RoundTripInts(odd);
}

// The factor segments, written plainly: a gcd for every value, joining
// whenever the estimated bits say so (factor.cc's greedy pass without its
// shortcuts). Pairs of (length, factor).
std::vector<std::pair<int64_t, int64_t>> ReferenceSegments(const std::vector<int64_t>& v) {
  auto magnitude = [](int64_t x) {
    const uint64_t m = x < 0 ? uint64_t{0} - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
    return m >= (uint64_t{1} << 62) ? uint64_t{1} : m;
  };
  std::vector<std::pair<int64_t, int64_t>> out;
  uint64_t g = 0;
  int64_t len = 0;
  size_t nonzero = 0;
  for (int64_t x : v) {
    const uint64_t m = magnitude(x);
    const uint64_t ng = std::gcd(g, m);
    bool join = len == 0 || ng == g || g == 0;
    if (!join && ng > 1) {
      join = static_cast<double>(nonzero) * std::log2(static_cast<double>(g / ng)) +
                 std::log2(static_cast<double>(m / ng)) <
             8.0;
    }
    if (!join) {
      out.emplace_back(len, static_cast<int64_t>(g));
      g = m, len = 1, nonzero = m != 0;
      continue;
    }
    g = ng, ++len, nonzero += m != 0;
  }
  if (len > 0) out.emplace_back(len, static_cast<int64_t>(g == 0 ? 1 : g));
  return out;
}

// The segments factor encoding finds are the plain greedy pass's, also
// where its shortcut (a bound instead of a gcd) applies: raw timestamps in
// runs of one value, values a small multiple apart, zeros, negatives.
TEST(EncodingTest, FactorSegmentsMatchThePlainGreedyPass) {
  std::mt19937_64 rng(21);
  std::vector<std::vector<int64_t>> streams;
  for (int shape = 0; shape < 4; ++shape) {
    for (int trial = 0; trial < 25; ++trial) {
      std::vector<int64_t> v;
      int64_t t = 1655564444103 + static_cast<int64_t>(rng() % 100000);
      const int64_t unit = 1 + static_cast<int64_t>(rng() % 5000);
      for (int i = 0; i < 300; ++i) {
        const int64_t small = static_cast<int64_t>(rng() % 9);
        switch (shape) {
          case 0:  // raw timestamps, a few readings per tick
            if (rng() % 3 == 0) t -= unit * (1 + small);
            v.push_back(t);
            break;
          case 1:  // small multiples of a shared unit: joins near the threshold
            v.push_back(unit * (1 + small) * (rng() % 2 ? 1 : 64));
            break;
          case 2:  // deltas with zeros and signs
            v.push_back(rng() % 4 == 0 ? 0 : (rng() % 2 ? 1 : -1) * unit * (1 + small));
            break;
          default:  // anything
            v.push_back(static_cast<int64_t>(rng() % 100000) - 50000);
        }
      }
      streams.push_back(std::move(v));
    }
  }
  for (const std::vector<int64_t>& v : streams) {
    Encoded e;
    EncodeFactor(v, ComputeIntStats(v), EncodeContext{}, &e);
    ByteReader body = Reader(e.bytes);
    uint64_t count = 0;
    ASSERT_TRUE(body.ReadVarint(&count));
    std::vector<int64_t> lengths(count), factors(count);
    for (std::vector<int64_t>* part : {&lengths, &factors}) {
      std::span<const uint8_t> block;
      ASSERT_TRUE(body.ReadLengthPrefixed(&block));
      ASSERT_TRUE(DecodeInts(ByteReader(block), count, part->data()).ok());
    }
    std::vector<std::pair<int64_t, int64_t>> got;
    for (size_t s = 0; s < count; ++s) got.emplace_back(lengths[s], factors[s]);
    ASSERT_EQ(got, ReferenceSegments(v));
  }
}

// Ranking by zstd size estimates each top-level candidate once; the
// candidates nested in a short stream's blocks rank by raw size (the block
// is compressed whole), so they add no estimates.
TEST(EncodingTest, NestedShortStreamsRankByRawSize) {
  std::mt19937_64 rng(5);
  std::vector<int64_t> v;
  int64_t t = 1655564444103;
  for (int i = 0; i < 1500; ++i) v.push_back(t += 20 * static_cast<int64_t>(rng() % 3));
  ZstdSizeMemo memo;
  EncodeContext ctx;
  ctx.for_zstd = true;
  ctx.zstd_sizes = &memo;
  const Encoded e = EncodeInts(v, ctx);
  EXPECT_FALSE(e.node.children.empty()) << Chain(e);  // nested choices were made
  EXPECT_GT(memo.size(), 0u);
  EXPECT_LE(memo.size(), IntCodecs().size()) << Chain(e);
}

TEST(EncodingTest, ZstdOnTopWhenItPays) {
  std::mt19937_64 rng(6);
  std::vector<int64_t> period(300);
  for (auto& x : period) x = static_cast<int64_t>(rng() % 1000000);
  std::vector<int64_t> v;
  for (int k = 0; k < 40; ++k) v.insert(v.end(), period.begin(), period.end());
  Encoded e = RoundTripInts(v, /*top_level=*/true);
  EXPECT_EQ(e.node.id, EncodingId::kZstd) << Chain(e);
  // Random data gains nothing from zstd: it must not be applied.
  std::vector<int64_t> random(2000);
  for (auto& x : random) x = static_cast<int64_t>(rng() % 1000000);
  EXPECT_NE(RoundTripInts(random, true).node.id, EncodingId::kZstd);
}

// The zstd-ranked choice runs only for blocks whose raw choice comes to at
// least ctx.zstd_ranked_min_bytes (16 KB by default): a small block makes no
// zstd estimates, a large one does, and a small one does too with the
// threshold at 0; all decode to their values.
TEST(EncodingTest, ZstdRankedChoiceOnlyForLargeBlocks) {
  std::mt19937_64 rng(8);
  auto stream = [&](size_t n) {
    std::vector<int64_t> v;
    for (size_t i = 0; i < n; ++i) v.push_back(static_cast<int64_t>(rng() % 100000));
    return v;
  };
  for (const size_t n : {size_t{2000}, size_t{40000}}) {
    for (const size_t threshold : {kZstdRankedMinBytes, size_t{0}}) {
      const std::vector<int64_t> v = stream(n);
      ZstdSizeMemo memo;
      EncodeContext ctx;
      ctx.zstd_sizes = &memo;
      ctx.zstd_ranked_min_bytes = threshold;
      const Encoded e =
          EncodeTopLevel([&](const EncodeContext& c) { return EncodeInts(v, c); }, ctx);
      EXPECT_EQ(memo.size() > 0, n * 17 / 8 >= threshold) << n;  // ~17 bits a value
      std::vector<int64_t> back(n);
      ASSERT_TRUE(DecodeInts(Reader(e.bytes), n, back.data()).ok());
      EXPECT_EQ(back, v);
    }
  }
}

TEST(EncodingTest, DoublesSensorAxesBecomeTwoBitCodes) {
  std::mt19937_64 rng(7);
  std::vector<double> v(10000);
  for (auto& x : v) x = static_cast<double>(static_cast<int>(rng() % 3) - 1);
  Encoded e = RoundTripDoubles(v);
  EXPECT_LE(e.bytes.size(), v.size() * 2 / 8 + 40) << Chain(e);
}

TEST(EncodingTest, DoublesDecimalAndDictionaryAndPlain) {
  std::mt19937_64 rng(8);
  std::vector<double> decimals(3000);
  for (auto& x : decimals)
    x = static_cast<double>(static_cast<int64_t>(rng() % 200000) - 100000) / 100;
  Encoded d = RoundTripDoubles(decimals);
  EXPECT_EQ(d.node.id, EncodingId::kDecimal) << Chain(d);
  EXPECT_EQ(d.node.param, 2u);

  std::vector<double> few(3000);
  const double pool[] = {0.1234567891234, -3.3e100, 7.25};
  for (auto& x : few) x = pool[rng() % 3];
  EXPECT_EQ(RoundTripDoubles(few).node.id, EncodingId::kDictionary);

  std::vector<double> random(1000);
  for (auto& x : random) x = std::ldexp(static_cast<double>(rng() >> 11), -40);
  EXPECT_EQ(RoundTripDoubles(random).node.id, EncodingId::kPlain);
}

TEST(EncodingTest, DoublesSpecialValuesBitForBit) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> v = {nan, inf, -inf, -0.0, 0.0, 1.5, -nan, 5e-324, 1.7976931348623157e308};
  RoundTripDoubles(v);
  std::vector<double> many;
  for (int i = 0; i < 200; ++i) many.push_back(v[i % v.size()]);
  RoundTripDoubles(many);
  RoundTripDoubles(many, true);
  RoundTripDoubles(std::vector<double>(50, -0.0));
  RoundTripDoubles({0.1, 0.2, 0.30000000000000004, -0.0, 1e-5});
}

TEST(EncodingTest, StringsKeepOnlyUsedEntries) {
  StringDictionary dict;
  const std::vector<std::string> words = {
      "", "a", std::string(1000, 'x'), "Grüße, 世界", "Santosh.Clayton@test.com", "unused"};
  std::vector<int32_t> all;
  for (const auto& w : words) all.push_back(dict.Intern(w));
  std::vector<int32_t> codes;
  std::mt19937_64 rng(9);
  for (int i = 0; i < 500; ++i) codes.push_back(all[rng() % 5]);
  for (bool top : {false, true}) {
    EncodeContext ctx;
    Encoded e =
        top ? EncodeTopLevel([&](const EncodeContext& c) { return EncodeStrings(codes, dict, c); },
                             ctx)
            : EncodeStrings(codes, dict, ctx);
    StringDictionary out;
    out.Intern("preexisting");
    std::vector<int32_t> back(codes.size());
    Status st = DecodeStrings(Reader(e.bytes), codes.size(), &out, back.data());
    ASSERT_TRUE(st.ok()) << st.ToString();
    EXPECT_EQ(out.Find("unused"), -1);
    for (size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(out.Get(back[i]), dict.Get(codes[i]));
  }
}

TEST(EncodingTest, BytesUseZstdWhenItPays) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Firstname.Lastname" + std::to_string(i) + "@test.com";
  std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  Encoded e = EncodeBytes(bytes, EncodeContext{});
  EXPECT_EQ(e.node.id, EncodingId::kZstd);
  std::string back;
  ASSERT_TRUE(DecodeBytes(Reader(e.bytes), text.size(), &back).ok());
  EXPECT_EQ(back, text);
  EXPECT_TRUE(DecodeBytes(Reader(e.bytes), text.size() + 1, &back).IsCorruption());
}

// Fixed-width entries of random hex (UUID-like) split into byte columns:
// smaller than zstd over the entries in order.
TEST(EncodingTest, FixedWidthBytesSplitIntoColumns) {
  std::mt19937_64 rng(3);
  std::string text;
  for (int i = 0; i < 500; ++i) {
    for (int j = 0; j < 36; ++j) {
      text += (j == 8 || j == 13 || j == 18 || j == 23) ? '-' : "0123456789abcdef"[rng() % 16];
    }
  }
  std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  const Encoded whole = EncodeBytes(bytes, EncodeContext{});
  const Encoded e = EncodeBytes(bytes, EncodeContext{}, 36);
  EXPECT_EQ(Chain(e), "split(36) -> plain -> zstd(3)");
  EXPECT_LT(e.bytes.size() * 100, whole.bytes.size() * 95);
  std::string back;
  ASSERT_TRUE(DecodeBytes(Reader(e.bytes), text.size(), &back).ok());
  EXPECT_EQ(back, text);
  EXPECT_TRUE(DecodeBytes(Reader(e.bytes), text.size() + 36, &back).IsCorruption());
  // A width that does not divide the byte count, or zero.
  EXPECT_TRUE(DecodeBytes(Reader(e.bytes), text.size() + 1, &back).IsCorruption());
  for (const char* body : {"\x0a\x00\x01"
                           "ab",
                           "\x0a\x03\x01"
                           "ab"}) {
    EXPECT_TRUE(DecodeBytes(Reader(std::string(body, 5)), 2, &back).IsCorruption()) << body;
  }
  // Too few entries, or a width that does not divide: no split.
  EXPECT_NE(EncodeBytes(bytes.first(70), EncodeContext{}, 36).node.id, EncodingId::kSplit);
  const std::string two = "abcdefgh";
  std::span<const uint8_t> b2(reinterpret_cast<const uint8_t*>(two.data()), two.size());
  Encoded small = EncodeBytes(b2, EncodeContext{}, 4);
  ASSERT_TRUE(DecodeBytes(Reader(small.bytes), two.size(), &back).ok());
  EXPECT_EQ(back, two);
}

// Streams longer than 2048 values are judged on a sample of 16 runs of 64
// values; the whole stream must still round-trip when the sample misleads.
TEST(EncodingTest, SampledChoiceFallsBackWhenTheSampleMisleads) {
  std::vector<double> ones(100000, 1.0);
  ones[1] = 2.0;  // the first sample run starts in the middle of its stride
  RoundTripDoubles(ones);
  RoundTripDoubles(ones, true);
  std::vector<double> ints(100000);
  for (size_t i = 0; i < ints.size(); ++i) ints[i] = static_cast<double>(i % 3) - 1;
  ints[2] = 3.141592653589793;  // not a short decimal: decimal must give way
  ints[3] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(RoundTripDoubles(ints).node.id, EncodingId::kDecimal);
  ints[2] = 0.25;  // a finer exponent than the sample's
  ints[3] = -0.0;
  RoundTripDoubles(ints);
  std::vector<int64_t> runs;
  for (int r = 0; runs.size() < 200000; ++r) runs.insert(runs.end(), 50 + r % 200, r * 7);
  Encoded e = RoundTripInts(runs);
  EXPECT_EQ(e.node.id, EncodingId::kRle) << Chain(e);
  EXPECT_LT(e.bytes.size(), runs.size() / 20);
  std::vector<int64_t> wide(50000);
  std::mt19937_64 rng(12);
  for (auto& x : wide) x = static_cast<int64_t>(rng() % 1000);
  wide[0] = std::numeric_limits<int64_t>::min();  // outside the sample: widens bitpack
  RoundTripInts(wide);
  RoundTripInts(wide, true);
}

// Counts come from the parent (ultimately the checksummed footer). Blocks with
// a size that depends on the count check it; a constant block cannot.
TEST(EncodingTest, DecodersRejectWrongCounts) {
  Encoded e = EncodeInts(std::vector<int64_t>{1, 20, 3, 4, 50, 6, 7, 8, 90, 10}, EncodeContext{});
  ASSERT_EQ(e.node.id, EncodingId::kBitpack);
  std::vector<int64_t> out(20);
  EXPECT_TRUE(DecodeInts(Reader(e.bytes), 11, out.data()).IsCorruption());
  EXPECT_TRUE(DecodeInts(Reader(e.bytes), 9, out.data()).IsCorruption());
  EXPECT_TRUE(DecodeInts(Reader(""), 0, out.data()).IsCorruption());
  EXPECT_TRUE(DecodeInts(Reader("\x63"), 0, out.data()).IsCorruption());
}

// Random and mutated blocks: decoders must return (ok or Corruption) without
// reading or writing out of bounds (run under -DSTEDI_SANITIZE=ON to check).
TEST(EncodingTest, HostileBlocksNeverCrash) {
  std::mt19937_64 rng(10);
  std::vector<std::string> seeds;
  std::vector<int64_t> ints(300);
  for (auto& x : ints) x = static_cast<int64_t>(rng() % 7);
  seeds.push_back(EncodeInts(ints, EncodeContext{}).bytes);
  seeds.push_back(
      EncodeTopLevel([&](const EncodeContext& c) { return EncodeInts(ints, c); }, EncodeContext{})
          .bytes);
  std::sort(ints.begin(), ints.end());
  seeds.push_back(EncodeInts(ints, EncodeContext{}).bytes);
  std::vector<double> dbl(300);
  for (auto& x : dbl) x = static_cast<double>(rng() % 5) / 4;
  seeds.push_back(EncodeDoubles(dbl, EncodeContext{}).bytes);
  StringDictionary dict;
  std::vector<int32_t> codes;
  for (int i = 0; i < 300; ++i) codes.push_back(dict.Intern("s" + std::to_string(rng() % 40)));
  seeds.push_back(EncodeStrings(codes, dict, EncodeContext{}).bytes);
  std::vector<int64_t> iout(400);
  std::vector<double> dout(400);
  std::vector<int32_t> cout(400);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string block = seeds[rng() % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits; ++k) {
      if (block.empty()) break;
      switch (rng() % 3) {
        case 0:
          block[rng() % block.size()] ^= static_cast<char>(1 << (rng() % 8));
          break;
        case 1:
          block[rng() % block.size()] = static_cast<char>(rng());
          break;
        case 2:
          block.resize(rng() % block.size());
          break;
      }
    }
    const size_t n = rng() % 2 ? 300 : rng() % 400;
    (void)DecodeInts(Reader(block), n, iout.data());
    (void)DecodeDoubles(Reader(block), n, dout.data());
    StringDictionary d;
    (void)DecodeStrings(Reader(block), n, &d, cout.data());
  }
}

}  // namespace
}  // namespace stedi
