#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/encoding.h"

namespace stedi {
namespace {

// The memo answers exactly what the estimate would, for new and repeated
// contents, including ones that differ only in length or in one byte.
TEST(ZstdSizeMemoTest, SameAnswersAsTheEstimate) {
  std::vector<std::string> inputs = {"", std::string(100, 'a'), std::string(101, 'a')};
  std::string text;
  for (int i = 0; i < 2000; ++i) text += std::to_string(i * 7919 % 1000) + ",";
  inputs.push_back(text);
  text[500] = '#';
  inputs.push_back(text);
  ZstdSizeMemo memo;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& in : inputs) EXPECT_EQ(memo.Estimate(in), ZstdSizeEstimate(in));
  }
}

}  // namespace
}  // namespace stedi
