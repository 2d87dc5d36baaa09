#include "storage/chunk_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "core/column.h"
#include "storage/segment_format.h"

namespace stedi {
namespace {

constexpr size_t kRows = 20000;

// Timestamps of a sensor ticking every `period` ms with small jitter.
Column Ticks(int64_t start, int64_t period, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Column c(TypeId::kTimestamp);
  int64_t t = start;
  for (size_t i = 0; i < kRows; ++i) {
    c.AppendInt64(t);
    t += period * static_cast<int64_t>(1 + rng() % 3);
  }
  return c;
}

std::string Chain(const std::vector<EncodingStep>& steps) { return DescribeSteps(steps); }

// The shape of an encoding tree: each step's depth and encoding, not the
// parameters that depend on the values (widths, counts).
std::vector<std::pair<int, EncodingId>> Shape(const std::vector<EncodingStep>& steps) {
  std::vector<std::pair<int, EncodingId>> out;
  for (const EncodingStep& s : steps) out.emplace_back(s.depth, s.id);
  return out;
}

// A chunk that follows another chunk's plan uses the same encoding chain and
// is about as small as its own choice would be.
TEST(ChunkWriterTest, FollowingAPlanKeepsTheChainAndTheSize) {
  const EncodeContext ctx;
  const Column first = Ticks(1655561000000, 3933, 1);
  const Column second = Ticks(1655569000000, 3933, 2);
  const EncodedChunk chosen = EncodeChunk(first, 0, kRows, ctx);
  const EncodedChunk followed = EncodeChunk(second, 0, kRows, ctx, &chosen.plan);
  const EncodedChunk own = EncodeChunk(second, 0, kRows, ctx);
  EXPECT_EQ(Shape(followed.meta.value_steps), Shape(chosen.meta.value_steps))
      << Chain(chosen.meta.value_steps) << " vs " << Chain(followed.meta.value_steps);
  EXPECT_LE(followed.bytes.size(), own.bytes.size() * 11 / 10)
      << Chain(own.meta.value_steps) << " vs " << Chain(followed.meta.value_steps);
}

// When the values change character, the plan is dropped: the result is no
// larger than choosing afresh.
TEST(ChunkWriterTest, APlanThatNoLongerPaysIsChosenAgain) {
  const EncodeContext ctx;
  Column narrow(TypeId::kInt64), wide(TypeId::kInt64);
  std::mt19937_64 rng(3);
  for (size_t i = 0; i < kRows; ++i) {
    narrow.AppendInt64(static_cast<int64_t>(i / 1000));    // long runs: rle
    wide.AppendInt64(static_cast<int64_t>(rng() % 1000));  // random 10-bit values
  }
  const EncodedChunk chosen = EncodeChunk(narrow, 0, kRows, ctx);
  const EncodedChunk followed = EncodeChunk(wide, 0, kRows, ctx, &chosen.plan);
  const EncodedChunk own = EncodeChunk(wide, 0, kRows, ctx);
  EXPECT_LE(followed.bytes.size(), own.bytes.size());
  EXPECT_EQ(Shape(followed.meta.value_steps), Shape(own.meta.value_steps))
      << Chain(chosen.meta.value_steps) << " / " << Chain(followed.meta.value_steps) << " / "
      << Chain(own.meta.value_steps);
}

// Rows repeated (as a join repeats them) keep their bytes per value under
// the plan of the unrepeated rows, but runs now pay: the plan is followed in
// runs (only the run lengths are chosen), about as small as choosing afresh.
TEST(ChunkWriterTest, RepeatedRowsFollowThePlanInRuns) {
  const EncodeContext ctx;
  Column once(TypeId::kInt32), thrice(TypeId::kInt32);
  std::mt19937_64 rng(5);
  for (size_t i = 0; i < kRows; ++i) once.AppendInt32(static_cast<int32_t>(201 + rng() % 100));
  for (size_t i = 0; i < kRows; ++i) thrice.AppendInt32(once.data<int32_t>()[i / 3]);
  const EncodedChunk chosen = EncodeChunk(once, 0, kRows, ctx);
  const EncodedChunk followed = EncodeChunk(thrice, 0, kRows, ctx, &chosen.plan);
  const EncodedChunk own = EncodeChunk(thrice, 0, kRows, ctx);
  EXPECT_LT(own.bytes.size(), chosen.bytes.size() * 3 / 4);  // the runs pay
  // A guard (the choice finds the same tree here): following costs no bytes.
  EXPECT_LE(followed.bytes.size(), own.bytes.size() * 21 / 20)
      << Chain(followed.meta.value_steps) << " vs " << Chain(own.meta.value_steps);

  // A plain plan, which no choice would make: the run values follow it.
  ChunkPlan plain;
  plain.values.id = EncodingId::kPlain;
  plain.values.bytes_in = plain.values.bytes_out = kRows * 8;
  plain.value_runs = 1.0;
  const EncodedChunk in_runs = EncodeChunk(thrice, 0, kRows, ctx, &plain);
  const auto& steps = in_runs.meta.value_steps;
  const auto rle = std::find_if(steps.begin(), steps.end(),
                                [](const EncodingStep& s) { return s.id == EncodingId::kRle; });
  ASSERT_NE(rle, steps.end()) << Chain(steps);
  ASSERT_NE(rle + 1, steps.end()) << Chain(steps);
  EXPECT_EQ((rle + 1)->id, EncodingId::kPlain) << Chain(steps);
  EXPECT_EQ((rle + 1)->depth, rle->depth + 1) << Chain(steps);
}

// Fewer runs per row than the plan's, but still more than one per two rows:
// rle would not pay, so the values are chosen afresh (forcing runs on such
// a plan made blocks up to 20% larger).
TEST(ChunkWriterTest, RepeatsTooShortForRunsChooseAfresh) {
  const EncodeContext ctx;
  Column once(TypeId::kInt64), some(TypeId::kInt64);
  std::mt19937_64 rng(6);
  for (size_t i = 0; i < kRows; ++i) once.AppendInt64(static_cast<int64_t>(rng() % 4));
  for (size_t i = 0; i < kRows; ++i) {
    const int64_t v = static_cast<int64_t>(rng() % 4);
    some.AppendInt64(v);
    if (rng() % 3 == 0 && ++i < kRows) some.AppendInt64(v);  // about 0.6 runs per row
  }
  ChunkPlan plain;
  plain.values.id = EncodingId::kPlain;
  plain.values.bytes_in = plain.values.bytes_out = kRows * 8;
  plain.value_runs = 1.0;
  const EncodedChunk followed = EncodeChunk(some, 0, kRows, ctx, &plain);
  const EncodedChunk own = EncodeChunk(some, 0, kRows, ctx);
  EXPECT_EQ(followed.bytes, own.bytes) << Chain(followed.meta.value_steps);
}

// A string column's repeated rows keep the plan's dictionary and put its
// codes in runs.
TEST(ChunkWriterTest, RepeatedStringRowsKeepTheDictionaryPlan) {
  const EncodeContext ctx;
  Column once(TypeId::kString), thrice(TypeId::kString);
  std::mt19937_64 rng(7);
  // 2,000 devices with names of ~33 bytes: a block over 16 KB (the default
  // zstd_ranked_min_bytes), so that choosing it makes zstd-ranked trials.
  std::vector<std::string> names;
  for (int d = 0; d < 2000; ++d) names.push_back("device-" + std::to_string(rng()) + "-sensor");
  for (size_t i = 0; i < kRows; ++i) once.AppendString(names[rng() % names.size()]);
  for (size_t i = 0; i < kRows; ++i) thrice.AppendString(once.GetString(i / 3));
  const EncodedChunk chosen = EncodeChunk(once, 0, kRows, ctx);
  ZstdSizeMemo followed_trials, own_trials;
  EncodeContext counted = ctx;
  counted.zstd_sizes = &followed_trials;
  const EncodedChunk followed = EncodeChunk(thrice, 0, kRows, counted, &chosen.plan);
  counted.zstd_sizes = &own_trials;
  const EncodedChunk own = EncodeChunk(thrice, 0, kRows, counted);
  EXPECT_LE(followed.bytes.size(), own.bytes.size() * 21 / 20)
      << Chain(followed.meta.value_steps) << " vs " << Chain(own.meta.value_steps);
  // Following makes no trial encodings to rank by zstd; the choice does.
  // (The chosen plan has no zstd root here: codes in runs under a followed
  // dictionary, the run lengths chosen by raw size.)
  EXPECT_EQ(followed_trials.size(), 0u);
  EXPECT_GT(own_trials.size(), 0u);
  const auto& steps = followed.meta.value_steps;
  EXPECT_TRUE(std::any_of(steps.begin(), steps.end(), [](const EncodingStep& s) {
    return s.id == EncodingId::kRle;
  })) << Chain(steps);
}

// Plans whose encodings cannot hold the new values (a constant, a decimal
// exponent, a null pattern) give way to the choice; the chunk stays exact.
TEST(ChunkWriterTest, PlansThatDoNotFitStillEncodeExactly) {
  const EncodeContext ctx;
  Column constant(TypeId::kDouble), varied(TypeId::kDouble);
  for (size_t i = 0; i < kRows; ++i) {
    constant.AppendDouble(1.5);
    if (i % 5 == 0) {
      varied.AppendNull();
    } else {
      varied.AppendDouble(i % 7 == 0 ? 3.141592653589793 : static_cast<double>(i % 3) - 1);
    }
  }
  const EncodedChunk chosen = EncodeChunk(constant, 0, kRows, ctx);
  ASSERT_EQ(chosen.meta.value_steps.front().id, EncodingId::kConstant);
  const EncodedChunk followed = EncodeChunk(varied, 0, kRows, ctx, &chosen.plan);
  EXPECT_EQ(followed.meta.null_count, kRows / 5);
  // Decode the values block: the non-null values, in order.
  ByteReader in({reinterpret_cast<const uint8_t*>(followed.bytes.data()), followed.bytes.size()});
  std::span<const uint8_t> validity;
  ASSERT_TRUE(in.ReadLengthPrefixed(&validity));
  std::vector<double> values(kRows - kRows / 5);
  ASSERT_TRUE(DecodeDoubles(ByteReader(in.Rest()), values.size(), values.data()).ok());
  size_t k = 0;
  for (size_t i = 0; i < kRows; ++i) {
    if (i % 5 == 0) continue;
    ASSERT_EQ(values[k++], varied.data<double>()[i]) << i;
  }
}

}  // namespace
}  // namespace stedi
