#include "tools/gen/identity.h"

#include <cassert>
#include <charconv>
#include <cstring>

namespace stedi::gen {

namespace {

constexpr std::string_view kFirst[kFirstNames] = {
    "Aisha", "Alan",   "Amara", "Anil",  "Beatriz", "Bruno", "Carmen", "Chen",   "Dalia", "Diego",
    "Elena", "Emeka",  "Farah", "Felix", "Grace",   "Hana",  "Hugo",   "Ines",   "Ivan",  "Jonas",
    "Kavya", "Kenji",  "Lena",  "Luis",  "Maya",    "Mateo", "Nadia",  "Nikhil", "Olga",  "Omar",
    "Priya", "Rafael", "Rosa",  "Samir", "Tara",    "Tomas", "Uma",    "Victor", "Wei",   "Yusuf"};
constexpr std::string_view kLast[kLastNames] = {
    "Adeyemi",   "Alvarez", "Bauer",    "Bianchi", "Castro",  "Chowdhury", "Dubois",   "Eriksen",
    "Fischer",   "Garcia",  "Haddad",   "Ivanova", "Jensen",  "Kaur",      "Kowalski", "Lambert",
    "Lindqvist", "Moreau",  "Nakamura", "Novak",   "Okafor",  "Ortega",    "Park",     "Patel",
    "Quinn",     "Rahman",  "Reyes",    "Rossi",   "Schmidt", "Silva",     "Suzuki",   "Tanaka",
    "Torres",    "Usman",   "Varga",    "Weber",   "Xu",      "Yamamoto",  "Zhang",    "Zimmer"};

constexpr uint64_t kLow62 = (uint64_t{1} << 62) - 1;

// A bijection of [0, 2^62): xor-shifts and odd multiplications modulo 2^62.
uint64_t Mix62(uint64_t x) {
  x &= kLow62;
  x ^= x >> 31;
  x = (x * 0x7FB5D329728EA185ULL) & kLow62;
  x ^= x >> 27;
  x = (x * 0x81DADEF4BC2DD44DULL) & kLow62;
  x ^= x >> 33;
  return x;
}

char* Put(char* out, std::string_view s) {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

char* PutHex(char* out, uint64_t v, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i) {
    out[i] = kHex[v & 0xF];
    v >>= 4;
  }
  return out + digits;
}

}  // namespace

std::string_view FirstName(int name_index) {
  assert(name_index >= 0 && name_index < kNamePairs);
  return kFirst[name_index / kLastNames];
}

std::string_view LastName(int name_index) {
  assert(name_index >= 0 && name_index < kNamePairs);
  return kLast[name_index % kLastNames];
}

void SerialNumberBits(uint64_t seed, uint32_t copy, uint32_t customer, uint64_t random_bits,
                      uint64_t* hi, uint64_t* lo) {
  assert(customer < 1024);
  // Distinct (copy, customer) give distinct keys, and Mix62 and the xor with
  // a per-seed mask are bijections, so low halves never collide in one run.
  const uint64_t key = (uint64_t{copy} << 10) | customer;
  *lo = (uint64_t{0b10} << 62) | (Mix62(key) ^ Mix62(seed ^ 0x5EED5EED5EEDULL));
  *hi = (random_bits & ~uint64_t{0xF000}) | 0x4000;  // version 4
}

char* WriteEmail(char* out, int name_index, uint32_t copy) {
  out = Put(out, FirstName(name_index));
  *out++ = '.';
  out = Put(out, LastName(name_index));
  if (copy > 0) out = std::to_chars(out, out + 10, copy).ptr;
  return Put(out, "@test.com");
}

char* WriteCustomerName(char* out, int name_index) {
  out = Put(out, FirstName(name_index));
  *out++ = ' ';
  return Put(out, LastName(name_index));
}

char* WriteSerialNumber(char* out, uint64_t hi, uint64_t lo) {
  out = PutHex(out, hi >> 32, 8);
  *out++ = '-';
  out = PutHex(out, hi >> 16, 4);
  *out++ = '-';
  out = PutHex(out, hi, 4);
  *out++ = '-';
  out = PutHex(out, lo >> 48, 4);
  *out++ = '-';
  return PutHex(out, lo, 12);
}

char* WriteBirthDay(char* out, int32_t year) {
  out = std::to_chars(out, out + 11, year).ptr;
  return Put(out, "-01-01");
}

}  // namespace stedi::gen
