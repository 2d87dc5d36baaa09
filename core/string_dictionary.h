// StringDictionary: the distinct strings of one column, each with a dense code.
//
// String columns hold int32 codes into a dictionary, so that equality, IN,
// joins and distinct on strings are integer operations. Codes are assigned in
// first-seen order; they are not sorted (use SortedRanks() to order by value).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stedi {

class StringDictionary {
 public:
  StringDictionary() { offsets_.push_back(0); }

  size_t size() const { return offsets_.size() - 1; }
  size_t byte_size() const { return bytes_.size(); }
  std::string_view Get(int32_t code) const {
    return std::string_view(bytes_).substr(offsets_[code], offsets_[code + 1] - offsets_[code]);
  }
  // Code of `s`, adding it when new.
  int32_t Intern(std::string_view s);
  // Code of `s`, or -1 when absent.
  int32_t Find(std::string_view s) const;
  // Adds every string of `other`; returns the code in this dictionary of each
  // code of `other` (remap[other_code] = this_code).
  std::vector<int32_t> Merge(const StringDictionary& other);
  // rank[code] = position of Get(code) in byte-wise sorted order.
  std::vector<int32_t> SortedRanks() const;

  // Raw layout (used by storage): offsets has size()+1 entries, offsets[0]=0.
  const std::vector<uint32_t>& offsets() const { return offsets_; }
  const std::string& bytes() const { return bytes_; }

 private:
  static uint64_t Hash(std::string_view s);
  void Rehash(size_t slots);
  std::vector<uint32_t> offsets_;
  std::string bytes_;
  std::vector<int32_t> slots_;  // open addressing over codes, -1 = empty
};

}  // namespace stedi
