#include "tools/gen/timeline.h"

#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>

namespace stedi::gen {

namespace {

constexpr uint32_t kSharedMark = std::numeric_limits<uint32_t>::max();
constexpr int kLinkAttempts = 64;
constexpr int kFreeAttempts = 100'000;
// Free series start this far inside the window, so linked series (which may
// start up to a series' length before or after their partner) still fit.
constexpr int64_t kStartMarginMs = 3 * 60'000;

enum Kind { kTrustedTrusted = 0, kTrustedUntrusted = 1, kUntrustedUntrusted = 2, kNoLink = 3 };

// Reading `mine` of the series being placed falls on reading `theirs` of its partner.
struct Pairing {
  int mine;
  int theirs;
};

class TimelinePlacer {
 public:
  TimelinePlacer(int64_t window_start_ms, Prng& rng, std::vector<CustomerPlan>& customers)
      : window_start_(window_start_ms), rng_(rng), customers_(customers) {}

  Status PlaceAll() {
    owner_.reserve(customers_.size() * kReadingsPerCustomer * 2);
    for (uint32_t c = 0; c < customers_.size(); ++c) {
      const Kind kind = ChooseKind(customers_[c].trusted);
      if (kind != kNoLink && TryLinked(c, kind)) continue;
      if (!PlaceFree(c)) {
        return Status::Internal("stedi-gen: could not place the readings of customer " +
                                std::to_string(c));
      }
    }
    return Status::OK();
  }

 private:
  // Which kind of shared timestamp the next series should create, if any.
  // The probabilities spread the shared timestamps over most customers while
  // the budgets cap each kind at its planned total.
  Kind ChooseKind(bool trusted) {
    if (trusted) {
      if (Open(kTrustedTrusted, placed_trusted_) && rng_.Chance(0.95)) return kTrustedTrusted;
      if (Open(kTrustedUntrusted, placed_untrusted_) && rng_.Chance(0.7)) return kTrustedUntrusted;
    } else {
      if (Open(kTrustedUntrusted, placed_trusted_) && rng_.Chance(0.6)) return kTrustedUntrusted;
      if (Open(kUntrustedUntrusted, placed_untrusted_) && rng_.Chance(0.75)) {
        return kUntrustedUntrusted;
      }
    }
    return kNoLink;
  }
  bool Open(Kind kind, const std::vector<uint32_t>& partners) const {
    return budget_[kind] > 0 && !partners.empty();
  }

  // Mostly single crossings; a few series run in step with their partner.
  int RunLength(int budget) {
    const uint64_t r = rng_.Below(100);
    static constexpr int kLong[] = {8, 17, 19};
    const int length = r < 88 ? 1 : r < 94 ? 2 : r < 97 ? 3 : r < 99 ? 5 : kLong[rng_.Below(3)];
    return std::min(length, budget);
  }

  int32_t RandomPeriod() {
    return static_cast<int32_t>(rng_.Between(kMinPeriodTicks, kMaxPeriodTicks) * 100 / 3);
  }

  bool TryLinked(uint32_t c, Kind kind) {
    const bool trusted = customers_[c].trusted;
    const std::vector<uint32_t>& partners = kind == kTrustedTrusted       ? placed_trusted_
                                            : kind == kUntrustedUntrusted ? placed_untrusted_
                                            : trusted                     ? placed_untrusted_
                                                                          : placed_trusted_;
    for (int attempt = 0; attempt < kLinkAttempts; ++attempt) {
      const uint32_t p = partners[rng_.Below(partners.size())];
      const CustomerPlan& partner = customers_[p];
      const int length = RunLength(budget_[kind]);
      std::vector<Pairing> pairs;
      int32_t period;
      int64_t first;
      if (length == 1) {
        period = RandomPeriod();
        const Pairing pair{static_cast<int>(rng_.Below(kReadingsPerCustomer)),
                           static_cast<int>(rng_.Below(kReadingsPerCustomer))};
        first = partner.ReadingTime(pair.theirs) - int64_t{pair.mine} * period;
        pairs.push_back(pair);
      } else {
        // Same period, offset by whole periods: the last `length` readings of
        // one series are the first `length` readings of the other.
        period = partner.period_ms;
        const int offset = kReadingsPerCustomer - length;
        const bool after = rng_.Chance(0.5);
        first = partner.first_reading_ms + (after ? 1 : -1) * int64_t{offset} * period;
        for (int i = 0; i < length; ++i) {
          pairs.push_back(after ? Pairing{i, i + offset} : Pairing{i + offset, i});
        }
      }
      if (Fits(first, period, p, pairs)) {
        Commit(c, first, period, p, pairs);
        budget_[kind] -= length;
        return true;
      }
    }
    return false;
  }

  bool PlaceFree(uint32_t c) {
    for (int attempt = 0; attempt < kFreeAttempts; ++attempt) {
      const int32_t period = RandomPeriod();
      const int64_t latest =
          kCopyWindowMs - kStartMarginMs - int64_t{kReadingsPerCustomer} * period;
      const int64_t first = window_start_ + rng_.Between(kStartMarginMs, latest);
      if (Fits(first, period, 0, {})) {
        Commit(c, first, period, 0, {});
        return true;
      }
    }
    return false;
  }

  // True when the series lies in the window, its paired readings fall on
  // readings owned by the partner alone, and no other reading hits a taken time.
  bool Fits(int64_t first, int32_t period, uint32_t partner,
            const std::vector<Pairing>& pairs) const {
    const int64_t last = first + int64_t{kReadingsPerCustomer - 1} * period;
    if (first < window_start_ || last >= window_start_ + kCopyWindowMs) return false;
    size_t next_pair = 0;
    for (int k = 0; k < kReadingsPerCustomer; ++k) {
      const auto it = owner_.find(first + int64_t{k} * period);
      const bool paired = next_pair < pairs.size() && pairs[next_pair].mine == k;
      if (paired) {
        ++next_pair;
        if (it == owner_.end() || it->second != partner) return false;
      } else if (it != owner_.end()) {
        return false;
      }
    }
    return true;
  }

  void Commit(uint32_t c, int64_t first, int32_t period, uint32_t partner,
              const std::vector<Pairing>& pairs) {
    CustomerPlan& me = customers_[c];
    me.first_reading_ms = first;
    me.period_ms = period;
    for (int k = 0; k < kReadingsPerCustomer; ++k) owner_[me.ReadingTime(k)] = c;
    for (const Pairing& pair : pairs) {
      CustomerPlan& other = customers_[partner];
      owner_[me.ReadingTime(pair.mine)] = kSharedMark;
      if (other.trusted) me.shared_with_trusted |= 1u << pair.mine;
      if (me.trusted) other.shared_with_trusted |= 1u << pair.theirs;
    }
    (me.trusted ? placed_trusted_ : placed_untrusted_).push_back(c);
  }

  const int64_t window_start_;
  Prng& rng_;
  std::vector<CustomerPlan>& customers_;
  std::unordered_map<int64_t, uint32_t> owner_;  // reading time -> customer or kSharedMark
  std::vector<uint32_t> placed_trusted_;
  std::vector<uint32_t> placed_untrusted_;
  int budget_[3] = {kSharedTrustedTrusted, kSharedTrustedUntrusted, kSharedUntrustedUntrusted};
};

}  // namespace

Status PlaceTimelines(int64_t window_start_ms, Prng& rng, std::vector<CustomerPlan>* customers) {
  return TimelinePlacer(window_start_ms, rng, *customers).PlaceAll();
}

}  // namespace stedi::gen
