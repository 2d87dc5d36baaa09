#include "core/validity.h"

#include <bit>

namespace stedi {

void Validity::Materialize() {
  if (!words_.empty() || size_ == 0) {
    if (words_.empty()) words_.reserve(1);
    return;
  }
  words_.assign((size_ + 63) / 64, ~uint64_t{0});
  if (size_ % 64) words_.back() = (uint64_t{1} << (size_ % 64)) - 1;
}

void Validity::Append(bool valid) {
  if (valid && null_count_ == 0) {
    ++size_;
    return;
  }
  if (null_count_ == 0) Materialize();
  if (size_ % 64 == 0) words_.push_back(0);
  if (valid) {
    words_[size_ >> 6] |= uint64_t{1} << (size_ & 63);
  } else {
    ++null_count_;
  }
  ++size_;
}

void Validity::AppendValid(size_t n) {
  if (null_count_ == 0) {
    size_ += n;
    return;
  }
  for (size_t k = 0; k < n; ++k) Append(true);
}

void Validity::SetNull(size_t i) {
  if (!IsValid(i)) return;
  if (null_count_ == 0) Materialize();
  words_[i >> 6] &= ~(uint64_t{1} << (i & 63));
  ++null_count_;
}

void Validity::Resize(size_t n) {
  if (null_count_ == 0) {
    size_ = n;
    return;
  }
  if (n < size_) {
    Validity v;
    for (size_t i = 0; i < n; ++i) v.Append(IsValid(i));
    *this = std::move(v);
  } else {
    AppendValid(n - size_);
  }
}

void Validity::Reserve(size_t n) {
  if (null_count_ != 0) words_.reserve((n + 63) / 64);
}

void Validity::Clear() { *this = Validity(); }

Validity Validity::FromWords(std::vector<uint64_t> words, size_t n) {
  Validity v;
  v.size_ = n;
  if (words.empty()) return v;
  words.resize((n + 63) / 64, 0);
  if (n % 64) words.back() &= (uint64_t{1} << (n % 64)) - 1;
  size_t valid = 0;
  for (uint64_t w : words) valid += std::popcount(w);
  v.null_count_ = n - valid;
  if (v.null_count_ != 0) v.words_ = std::move(words);
  return v;
}

}  // namespace stedi
