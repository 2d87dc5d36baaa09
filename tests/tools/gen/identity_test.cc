#include "tools/gen/identity.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace stedi::gen {
namespace {

std::string Email(int name, uint32_t copy) {
  char buf[kMaxEmailBytes];
  return std::string(buf, WriteEmail(buf, name, copy));
}

TEST(IdentityTest, EmailsAreFirstDotLastAtTestAndCarryTheCopy) {
  const std::string first(FirstName(0)), last(LastName(0));
  EXPECT_EQ(Email(0, 0), first + "." + last + "@test.com");
  EXPECT_EQ(Email(0, 12), first + "." + last + "12@test.com");
  char buf[64];
  EXPECT_EQ(std::string(buf, WriteCustomerName(buf, 0)), first + " " + last);
  std::set<std::string> all;
  for (int name = 0; name < kNamePairs; ++name) {
    for (uint32_t copy : {0u, 1u, 11u, 4700u}) all.insert(Email(name, copy));
  }
  EXPECT_EQ(all.size(), size_t{kNamePairs} * 4);
}

TEST(IdentityTest, SerialNumbersAreVersion4UuidsUniqueAcrossCopies) {
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> serials;
  for (uint32_t copy = 0; copy < 20; ++copy) {
    for (uint32_t customer = 0; customer < 1024; ++customer) {
      uint64_t hi, lo;
      // The same "random" half everywhere: uniqueness must come from the low half.
      SerialNumberBits(7, copy, customer, 0x0123456789ABCDEFULL, &hi, &lo);
      char buf[kSerialBytes];
      std::string s(buf, WriteSerialNumber(buf, hi, lo));
      ASSERT_TRUE(std::regex_match(s, uuid)) << s;
      serials.insert(s);
    }
  }
  EXPECT_EQ(serials.size(), 20u * 1024u);
}

TEST(IdentityTest, BirthDaysKeepTheRealDataShape) {
  char buf[kMaxBirthDayBytes];
  EXPECT_EQ(std::string(buf, WriteBirthDay(buf, 1964)), "1964-01-01");
  EXPECT_EQ(std::string(buf, WriteBirthDay(buf, 983)), "983-01-01");  // unpadded, as in the source
}

}  // namespace
}  // namespace stedi::gen
