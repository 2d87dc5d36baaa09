#include "tools/gen/copy_writer.h"

#include <charconv>
#include <cstring>
#include <string_view>
#include <vector>

#include "tools/gen/identity.h"
#include "tools/gen/landing_files.h"
#include "tools/gen/prng.h"

namespace stedi::gen {

namespace {

constexpr uint64_t kPhoneStream = 2;
constexpr uint64_t kStepStream = 3;
// File stamps look like the export times in the starter file names; each copy
// owns a block of 100 so names sort by copy, then by part.
constexpr uint64_t kFirstFileStamp = 1'690'000'000'000;
constexpr uint64_t kStampsPerCopy = 100;

char* Put(char* out, std::string_view s) {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

char* PutInt(char* out, int64_t v) { return std::to_chars(out, out + 20, v).ptr; }

std::string Email(const CustomerPlan& c, uint32_t copy) {
  char buf[kMaxEmailBytes];
  return std::string(buf, WriteEmail(buf, c.name_index, copy));
}

std::string Serial(const CustomerPlan& c) {
  char buf[kSerialBytes];
  return std::string(buf, WriteSerialNumber(buf, c.serial_hi, c.serial_lo));
}

// The starter customer file uses ", " and ": " separators; the reading files are compact.
void WriteCustomer(const CustomerPlan& c, uint32_t copy, LandingFiles& out) {
  char* p = Put(out.LineStart(), "{\"customerName\": \"");
  p = WriteCustomerName(p, c.name_index);
  p = WriteEmail(Put(p, "\", \"email\": \""), c.name_index, copy);
  p = Put(p, "\", \"phone\": \"8015551212\", \"birthDay\": \"");
  p = WriteBirthDay(p, c.birth_year);
  p = WriteSerialNumber(Put(p, "\", \"serialNumber\": \""), c.serial_hi, c.serial_lo);
  p = PutInt(Put(p, "\", \"registrationDate\": "), c.registration_ms);
  p = PutInt(Put(p, ", \"lastUpdateDate\": "), c.last_update_ms);
  if (c.trusted) p = PutInt(Put(p, ", \"shareWithResearchAsOfDate\": "), c.last_update_ms);
  if (c.shares_public) p = PutInt(Put(p, ", \"shareWithPublicAsOfDate\": "), c.last_update_ms);
  if (c.shares_friends) p = PutInt(Put(p, ", \"shareWithFriendsAsOfDate\": "), c.last_update_ms);
  out.EndLine(Put(p, "}\n"));
}

// The real readings take each of x, y in {-1, 0, 1} and z in {-1, 0} about equally often.
constexpr std::string_view kAxis[3] = {"-1.0", "0.0", "1.0"};

void WriteReadings(const Universe& u, uint64_t seed, LandingFiles& phone, LandingFiles& step) {
  std::vector<std::string> phone_prefix, step_serial;
  for (const CustomerPlan& c : u.customers) {
    phone_prefix.push_back("{\"user\":\"" + Email(c, u.copy) + "\",\"timestamp\":");
    step_serial.push_back(",\"serialNumber\":\"" + Serial(c) + "\",\"distanceFromObject\":");
  }
  Prng phone_rng(seed, u.copy, kPhoneStream);
  Prng step_rng(seed, u.copy, kStepStream);
  for (const ReadingRef& r : u.emission_order) {
    const CustomerPlan& c = u.customers[r.customer];
    const int64_t time = c.ReadingTime(r.reading);
    char* p = PutInt(Put(step.LineStart(), "{\"sensorReadingTime\":"), time);
    p = PutInt(Put(p, step_serial[r.customer]), step_rng.Between(201, 300));
    step.EndLine(Put(p, "}\n"));
    for (int i = 0; i < c.phone_readings[r.reading]; ++i) {
      const uint64_t xyz = phone_rng.Below(18);
      p = PutInt(Put(phone.LineStart(), phone_prefix[r.customer]), time);
      p = Put(Put(p, ",\"x\":"), kAxis[xyz % 3]);
      p = Put(Put(p, ",\"y\":"), kAxis[xyz / 3 % 3]);
      p = Put(Put(p, ",\"z\":"), kAxis[xyz / 9]);
      phone.EndLine(Put(p, "}\n"));
    }
  }
}

}  // namespace

Status WriteCopy(const Universe& u, uint64_t seed, const std::string& out_dir, CopyStats* stats) {
  const uint64_t stamp = kFirstFileStamp + uint64_t{u.copy} * kStampsPerCopy;
  LandingFiles customers(out_dir + "/customer/landing", "customer", stamp);
  LandingFiles phone(out_dir + "/accelerometer/landing", "accelerometer", stamp);
  LandingFiles step(out_dir + "/step_trainer/landing", "step_trainer", stamp);
  for (const CustomerPlan& c : u.customers) WriteCustomer(c, u.copy, customers);
  WriteReadings(u, seed, phone, step);
  for (LandingFiles* files : {&customers, &phone, &step}) {
    STEDI_RETURN_IF_ERROR(files->Finish());
    stats->files += files->files();
    stats->bytes += files->bytes();
    stats->rows += files->lines();
  }
  return Status::OK();
}

}  // namespace stedi::gen
