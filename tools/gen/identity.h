// Customer identities: names, emails, serial numbers and birthdays.
//
// Invented name pools (not the real data's) combined as "First Last" and
// "First.Last@test.com", the shape of the starter data's customers. Emails and
// serial numbers are unique across all copies of one run: copy c > 0 appends c
// to the email's local part, and a serial number's low 62 bits are a bijection
// of (copy, customer).
#pragma once

#include <cstdint>
#include <string_view>

namespace stedi::gen {

inline constexpr int kFirstNames = 40;
inline constexpr int kLastNames = 40;
inline constexpr int kNamePairs = kFirstNames * kLastNames;

// REQUIRES: 0 <= name_index < kNamePairs.
std::string_view FirstName(int name_index);
std::string_view LastName(int name_index);

// The serial number halves of customer `customer` (< 1024) of copy `copy`: a
// random version-4 UUID whose low half is unique per (seed, copy, customer).
void SerialNumberBits(uint64_t seed, uint32_t copy, uint32_t customer, uint64_t random_bits,
                      uint64_t* hi, uint64_t* lo);

// Each writes its text at `out` and returns the end. Room needed: kMaxEmailBytes,
// kSerialBytes, kMaxBirthDayBytes.
inline constexpr int kMaxEmailBytes = 64;
inline constexpr int kSerialBytes = 36;
inline constexpr int kMaxBirthDayBytes = 16;
char* WriteEmail(char* out, int name_index, uint32_t copy);    // First.Last[copy]@test.com
char* WriteCustomerName(char* out, int name_index);            // First Last
char* WriteSerialNumber(char* out, uint64_t hi, uint64_t lo);  // 8-4-4-4-12 lowercase hex
char* WriteBirthDay(char* out, int32_t year);                  // YEAR-01-01, year unpadded

}  // namespace stedi::gen
