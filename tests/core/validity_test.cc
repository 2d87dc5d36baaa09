#include "core/validity.h"

#include <gtest/gtest.h>

namespace stedi {
namespace {

TEST(ValidityTest, AllValidAllocatesNothing) {
  Validity v;
  v.AppendValid(1000);
  EXPECT_TRUE(v.words().empty());
  EXPECT_TRUE(v.IsValid(999));
}

TEST(ValidityTest, SetNullMaterializesAndCounts) {
  Validity v;
  v.AppendValid(130);
  v.SetNull(64);
  v.SetNull(64);
  v.Append(false);
  EXPECT_EQ(v.null_count(), 2u);
  EXPECT_TRUE(v.IsNull(64));
  EXPECT_TRUE(v.IsNull(130));
  EXPECT_TRUE(v.IsValid(129));
  Validity w = Validity::FromWords(v.words(), v.size());
  EXPECT_EQ(w.null_count(), 2u);
  EXPECT_TRUE(w.IsNull(130));
}

}  // namespace
}  // namespace stedi
