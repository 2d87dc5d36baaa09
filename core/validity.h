// Validity: which values of a column are non-null.
//
// A bitmap of 64-bit words, bit i set = row i valid. While a column has no
// nulls the bitmap is not allocated at all, so a fully valid column costs
// nothing (the common case for sensor data).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stedi {

class Validity {
 public:
  size_t size() const { return size_; }
  size_t null_count() const { return null_count_; }
  bool all_valid() const { return null_count_ == 0; }
  bool IsValid(size_t i) const { return words_.empty() || ((words_[i >> 6] >> (i & 63)) & 1); }
  bool IsNull(size_t i) const { return !IsValid(i); }

  void Append(bool valid);
  void AppendValid(size_t n);
  // Marks row i (< size()) null. No-op when already null.
  void SetNull(size_t i);
  void Resize(size_t n);  // new rows are valid
  void Reserve(size_t n);
  void Clear();

  // Bitmap words; empty when all_valid(). Word w covers rows [64w, 64w+63].
  const std::vector<uint64_t>& words() const { return words_; }
  // Builds from words (may be empty = all valid). Bits past n must be 0 or are ignored.
  static Validity FromWords(std::vector<uint64_t> words, size_t n);

 private:
  void Materialize();
  std::vector<uint64_t> words_;
  size_t size_ = 0;
  size_t null_count_ = 0;
};

}  // namespace stedi
