// Encoding choice (BtrBlocks-style): which candidate encodes a stream best.
//
// A stream of at most kExhaustiveValues values is encoded with every
// applicable candidate and the smallest result kept. A longer stream is judged
// on a sample: kSampleRuns evenly spaced runs of kSampleRunValues neighbouring
// values (neighbours keep the local structure that delta, rle and factor
// feed on). Each candidate encodes the sample, choosing its children the same
// way; its size, scaled to the whole stream, is the candidate's estimate, and
// only the winner encodes all values. Under ctx.for_zstd the size is that of
// the sample's encoding after zstd. The sample depends only on the values, so
// the choice is deterministic.
#include <algorithm>
#include <optional>
#include <vector>

#include "storage/encodings/codec.h"
#include "storage/encodings/distinct_map.h"

namespace stedi {
namespace {

constexpr size_t kSampleRuns = 16;
constexpr size_t kSampleRunValues = 64;
constexpr size_t kSampleValues = kSampleRuns * kSampleRunValues;
constexpr size_t kExhaustiveValues = 2 * kSampleValues;
// String dictionary bytes up to this size use ctx.dictionary_zstd_level.
constexpr size_t kSmallDictionaryBytes = 64 << 10;
// A runner-up estimated within this factor of the best is encoded too.
constexpr double kCloseRatio = 1.1;

// REQUIRES: values.size() > kExhaustiveValues.
template <typename T>
std::vector<T> TakeSample(std::span<const T> values) {
  std::vector<T> sample;
  sample.reserve(kSampleValues);
  const size_t stride = values.size() / kSampleRuns;
  for (size_t r = 0; r < kSampleRuns; ++r) {
    const T* run = values.data() + r * stride + (stride - kSampleRunValues) / 2;
    sample.insert(sample.end(), run, run + kSampleRunValues);
  }
  return sample;
}

// Choices nested inside a candidate's trial on a sample rank by raw size: the
// candidate's whole sample encoding goes through zstd once, and a zstd
// estimate for every nested candidate cost a fifth of a build's CPU.
size_t Score(const Encoded& e, const EncodeContext& ctx) {
  if (!ctx.for_zstd || ctx.on_sample) return e.bytes.size();
  return ctx.zstd_sizes != nullptr ? ctx.zstd_sizes->Estimate(e.bytes) : ZstdSizeEstimate(e.bytes);
}

// A short stream's candidates are all encoded whole (no sample). Nested in
// a block, they rank by raw size too: zstd applies to the block they are
// part of (a factor block's parts get their own decision, but their own
// nested choices rank the same way), and a zstd estimate of every nested
// candidate was three quarters of a small table's encoding CPU (scale 1:
// build CPU -7%, lake +0.03%).
size_t ExhaustiveScore(const Encoded& e, const EncodeContext& ctx) {
  return ctx.nested ? e.bytes.size() : Score(e, ctx);
}

Encoded StartBlock(EncodingId id, uint64_t bytes_in) {
  Encoded e;
  e.bytes.push_back(static_cast<char>(id));
  e.node.id = id;
  e.node.bytes_in = bytes_in;
  return e;
}

Encoded ApplyInt(const IntCodec& codec, std::span<const int64_t> values, const IntStats& stats,
                 const EncodeContext& ctx) {
  Encoded e = StartBlock(codec.id, values.size() * 8);
  codec.encode(values, stats, ctx, &e);
  e.node.bytes_out = e.bytes.size();
  return e;
}

// Empty (unusable) when the codec rejects the values.
Encoded ApplyDouble(const DoubleCodec& codec, std::span<const double> values,
                    const EncodeContext& ctx) {
  Encoded e = StartBlock(codec.id, values.size() * 8);
  if (!codec.encode(values, ctx, &e)) return {};
  e.node.bytes_out = e.bytes.size();
  return e;
}

// The size of `cand` (an encoding of the sample) scaled to the whole stream.
double Estimate(const Encoded& cand, SampleScale how, const IntStats& stats,
                const IntStats& sample_stats, const EncodeContext& ctx) {
  const double per_value = static_cast<double>(stats.n) / sample_stats.n;
  double raw = static_cast<double>(cand.bytes.size()) * per_value;
  if (how == SampleScale::kRuns) {
    raw = static_cast<double>(cand.bytes.size()) * stats.runs / sample_stats.runs;
  } else if (how == SampleScale::kDistinct && !cand.node.children.empty()) {
    // The entries are stored once however long the stream: scale them by
    // the distinct count, not by the values.
    const double entries = static_cast<double>(cand.node.children[0].bytes_out);
    const double per_entry = static_cast<double>(stats.distinct) / cand.node.param;
    raw = entries * per_entry + (static_cast<double>(cand.bytes.size()) - entries) * per_value;
  }
  if (!ctx.for_zstd) return raw;
  return raw * static_cast<double>(Score(cand, ctx)) / static_cast<double>(cand.bytes.size());
}

// CountDistinct up to kMaxDictionaryEntries, remembered (the raw and the
// zstd-ranked tree count the same streams). `expected` sizes its set.
size_t RememberedDistinct(std::span<const int64_t> values, const IntStats& stats, size_t expected) {
  const uint64_t salt =
      static_cast<uint64_t>(stats.min) * 0x9E3779B97F4A7C15ull ^ static_cast<uint64_t>(stats.max);
  return Remembered<size_t>(values, salt, [&] {
    return CountDistinct(values, stats.min, stats.max, kMaxDictionaryEntries, expected);
  });
}

Encoded EncodeIntsExhaustive(std::span<const int64_t> values, IntStats stats,
                             const EncodeContext& ctx) {
  stats.distinct =
      ctx.depth > 0 && stats.n > 0 ? RememberedDistinct(values, stats, stats.runs) : stats.n;
  Encoded best;
  size_t best_score = 0;
  for (const IntCodec& codec : IntCodecs()) {
    if (!codec.choose(values, stats, ctx)) continue;
    Encoded cand = ApplyInt(codec, values, stats, ctx);
    const size_t score = ExhaustiveScore(cand, ctx);
    if (best.bytes.empty() || score < best_score) {
      best = std::move(cand);
      best_score = score;
    }
  }
  return best;
}

// `stats` describe all values: the choose functions see the sample but the
// whole stream's range, runs and distinct count, and bit-packing the sample at
// the whole stream's width makes its estimate exact.
Encoded EncodeIntsSampled(std::span<const int64_t> values, IntStats stats,
                          const EncodeContext& ctx) {
  const std::vector<int64_t> sample = TakeSample(values);
  // Counting distinct values of the whole stream costs a hash pass; only a
  // dictionary needs it, and only when the sample repeats values.
  stats.distinct = stats.n;
  const size_t sample_distinct =
      ctx.depth > 0 ? CountDistinct(sample, stats.min, stats.max, sample.size() / 2) : 0;
  if (ctx.depth > 0 && sample_distinct * 2 <= sample.size()) {
    // Sized for twice the sample's share of distinct values, at most one per
    // run: a few hundred values repeated all over do not get a set sized
    // for the stream's runs.
    const size_t expected = std::min(stats.runs, 2 * sample_distinct * stats.n / sample.size());
    stats.distinct = RememberedDistinct(values, stats, std::max<size_t>(expected, 1));
  }
  IntStats sample_stats = ComputeIntStats(sample);
  sample_stats.min = stats.min;
  sample_stats.max = stats.max;
  sample_stats.distinct = stats.distinct;
  std::vector<std::pair<double, const IntCodec*>> ranked;
  EncodeContext sample_ctx = ctx;
  sample_ctx.on_sample = true;
  for (const IntCodec& codec : IntCodecs()) {
    if (!codec.choose(sample, stats, ctx)) continue;
    const Encoded cand = ApplyInt(codec, sample, sample_stats, sample_ctx);
    ranked.emplace_back(Estimate(cand, codec.scale, stats, sample_stats, ctx), &codec);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Encoded best = ApplyInt(*ranked[0].second, values, stats, ctx);
  // A close runner-up is worth a full try: the estimate is only a sample's.
  // Not when ranking by zstd size: the sample's estimate already went through
  // zstd, and scoring both full encodings with zstd took 17% of a whole build
  // for 1% of lake size (scale 30).
  if (!ctx.for_zstd && ranked.size() > 1 && ranked[1].first < ranked[0].first * kCloseRatio) {
    Encoded second = ApplyInt(*ranked[1].second, values, stats, ctx);
    if (Score(second, ctx) < Score(best, ctx)) return second;
  }
  return best;
}

Encoded EncodeDoublesExhaustive(std::span<const double> values, const EncodeContext& ctx) {
  Encoded best;
  size_t best_score = 0;
  for (const DoubleCodec& codec : DoubleCodecs()) {
    if (!codec.choose(values, ctx)) continue;
    Encoded cand = ApplyDouble(codec, values, ctx);
    if (cand.bytes.empty()) continue;
    const size_t score = ExhaustiveScore(cand, ctx);
    if (best.bytes.empty() || score < best_score) {
      best = std::move(cand);
      best_score = score;
    }
  }
  return best;
}

Encoded EncodeDoublesSampled(std::span<const double> values, const EncodeContext& ctx) {
  const std::vector<double> sample = TakeSample(values);
  std::vector<std::pair<double, size_t>> ranked;  // (estimate, codec index)
  const std::span<const DoubleCodec> codecs = DoubleCodecs();
  const double scale = static_cast<double>(values.size()) / sample.size();
  EncodeContext sample_ctx = ctx;
  sample_ctx.on_sample = true;
  for (size_t i = 0; i < codecs.size(); ++i) {
    if (!codecs[i].choose(sample, ctx)) continue;
    const Encoded cand = ApplyDouble(codecs[i], sample, sample_ctx);
    if (!cand.bytes.empty()) ranked.emplace_back(static_cast<double>(Score(cand, ctx)) * scale, i);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // The sample may fit an encoding that the whole stream does not (a decimal
  // exponent, a constant): fall back to the next candidate. Plain always fits.
  for (const auto& [estimate, i] : ranked) {
    Encoded e = ApplyDouble(codecs[i], values, ctx);
    if (!e.bytes.empty()) return e;
  }
  const auto plain = std::find_if(codecs.begin(), codecs.end(),
                                  [](const DoubleCodec& c) { return c.id == EncodingId::kPlain; });
  return ApplyDouble(*plain, values, ctx);
}

// The int codec ctx.plan names, or null when it does not fit the values
// (then the choice runs). Of the two bit-packing codecs, the byte-aligned one
// is the plan's when its width was a whole number of bytes under zstd.
const IntCodec* PlannedIntCodec(const IntStats& stats, const EncodeContext& ctx) {
  const EncodeNode& plan = *ctx.plan;
  if (stats.n == 0) return nullptr;
  if (plan.id == EncodingId::kConstant && stats.min != stats.max) return nullptr;
  if (plan.id == EncodingId::kDelta && stats.n < 2) return nullptr;
  const bool aligned = ctx.for_zstd && plan.param % 8 == 0;
  for (const IntCodec& codec : IntCodecs()) {
    if (codec.id != plan.id) continue;
    if (codec.id == EncodingId::kBitpack && (codec.choose == ChooseBitpackAligned) != aligned) {
      continue;
    }
    return &codec;
  }
  return nullptr;
}

std::optional<Encoded> FollowDoubles(std::span<const double> values, const EncodeContext& ctx) {
  if (values.empty()) return std::nullopt;
  for (const DoubleCodec& codec : DoubleCodecs()) {
    if (codec.id != ctx.plan->id) continue;
    Encoded e = ApplyDouble(codec, values, ctx);
    if (!e.bytes.empty()) return e;
  }
  return std::nullopt;
}

// The zstd level for `bytes` of a string dictionary: a high level pays on
// small dictionaries and costs too much on big ones.
int DictionaryLevel(size_t bytes, const EncodeContext& ctx) {
  return bytes <= kSmallDictionaryBytes ? ctx.dictionary_zstd_level : ctx.zstd_level;
}

// `plain` (bytes) wrapped in zstd when that is smaller.
Encoded ZstdIfSmaller(Encoded plain, const EncodeContext& ctx) {
  Encoded zipped = WrapZstd(plain, DictionaryLevel(plain.node.bytes_in, ctx));
  return zipped.bytes.size() < plain.bytes.size() ? std::move(zipped) : std::move(plain);
}

// Without a plan: choices below this block are made afresh.
EncodeContext Unplanned(const EncodeContext& ctx) {
  EncodeContext c = ctx;
  c.plan = nullptr;
  return c;
}

}  // namespace

Encoded EncodeInts(std::span<const int64_t> values, const EncodeContext& ctx) {
  const IntStats stats = ComputeIntStats(values);
  if (stats.n > 0 && stats.min == stats.max) {
    return ApplyInt(IntCodecs()[0], values, stats, Unplanned(ctx));  // constant: nothing is smaller
  }
  if (ctx.plan != nullptr) {
    if (const IntCodec* codec = PlannedIntCodec(stats, ctx)) {
      return ApplyInt(*codec, values, stats, ctx);
    }
    return EncodeInts(values, Unplanned(ctx));
  }
  if (values.size() <= kExhaustiveValues) return EncodeIntsExhaustive(values, stats, ctx);
  return EncodeIntsSampled(values, stats, ctx);
}

Encoded EncodeDoubles(std::span<const double> values, const EncodeContext& ctx) {
  if (ctx.plan != nullptr) {
    if (std::optional<Encoded> e = FollowDoubles(values, ctx)) return std::move(*e);
    return EncodeDoubles(values, Unplanned(ctx));
  }
  if (values.size() <= kExhaustiveValues) return EncodeDoublesExhaustive(values, ctx);
  return EncodeDoublesSampled(values, ctx);
}

Encoded EncodeBytes(std::span<const uint8_t> bytes, const EncodeContext& ctx, size_t entry_width) {
  Encoded plain = StartBlock(EncodingId::kPlain, bytes.size());
  plain.bytes.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  plain.node.bytes_out = plain.bytes.size();
  if (ctx.plan != nullptr && !ctx.for_zstd && bytes.size() >= 64) {
    const EncodeNode& plan = *ctx.plan;
    if (plan.id == EncodingId::kPlain) return plain;
    if (plan.id == EncodingId::kZstd) return ZstdIfSmaller(std::move(plain), ctx);
    Encoded split;
    if (plan.id == EncodingId::kSplit && EncodeSplitBytes(bytes, entry_width, ctx, &split)) {
      return split;
    }
    return EncodeBytes(bytes, Unplanned(ctx), entry_width);
  }
  // Under an outer zstd the bytes stay plain: compressing twice never pays.
  if (ctx.for_zstd || bytes.size() < 64) return plain;
  Encoded split;
  if (!EncodeSplitBytes(bytes, entry_width, ctx, &split))
    return ZstdIfSmaller(std::move(plain), ctx);
  if (ZstdCannotWin(plain.bytes, split.bytes.size(), DictionaryLevel(bytes.size(), ctx))) {
    return split;  // UUIDs
  }
  Encoded best = ZstdIfSmaller(std::move(plain), ctx);
  return split.bytes.size() < best.bytes.size() ? split : best;
}

}  // namespace stedi
