#include "storage/footer.h"

#include <set>

#include "storage/coding.h"

namespace stedi {
namespace {

constexpr uint8_t kHasMinMax = 1;
constexpr uint64_t kMaxNameBytes = 1 << 16;

void PutValue(std::string* out, TypeId type, const Value& v) {
  switch (type) {
    case TypeId::kBool:
      return PutU8(out, v.i ? 1 : 0);
    case TypeId::kInt32:
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return PutFixed64(out, static_cast<uint64_t>(v.i));
    case TypeId::kDouble:
      return PutDouble(out, v.d);
    case TypeId::kString:
      return PutLengthPrefixed(out, v.s);
  }
}

void PutSteps(std::string* out, const std::vector<EncodingStep>& steps) {
  PutVarint(out, steps.size());
  for (const EncodingStep& s : steps) {
    PutU8(out, s.depth);
    PutU8(out, static_cast<uint8_t>(s.id));
    PutVarint(out, s.param);
    PutVarint(out, s.bytes_in);
    PutVarint(out, s.bytes_out);
  }
}

void PutChunk(std::string* out, TypeId type, const ChunkMeta& c) {
  PutVarint(out, c.offset);
  PutVarint(out, c.stored_bytes);
  PutVarint(out, c.raw_bytes);
  PutFixed64(out, c.checksum);
  PutVarint(out, c.null_count);
  PutU8(out, c.has_min_max ? kHasMinMax : 0);
  if (c.has_min_max) {
    PutValue(out, type, c.min);
    PutValue(out, type, c.max);
  }
  PutSteps(out, c.validity_steps);
  PutSteps(out, c.value_steps);
}

}  // namespace

std::string SerializeFooter(const SegmentMeta& meta) {
  std::string out;
  PutVarint(&out, meta.schema.size());
  for (const Field& f : meta.schema.fields()) {
    PutLengthPrefixed(&out, f.name);
    PutU8(&out, static_cast<uint8_t>(f.type));
    PutU8(&out, f.nullable ? 1 : 0);
  }
  PutVarint(&out, meta.sort_by.size());
  for (const std::string& name : meta.sort_by) PutLengthPrefixed(&out, name);
  PutVarint(&out, meta.row_groups.size());
  for (const RowGroupMeta& rg : meta.row_groups) {
    PutVarint(&out, rg.rows);
    for (size_t c = 0; c < rg.columns.size(); ++c) {
      PutChunk(&out, meta.schema.field(c).type, rg.columns[c]);
    }
  }
  return out;
}

namespace {

// Reads one footer; `in` carries absolute offsets for the messages.
class FooterParser {
 public:
  FooterParser(std::span<const uint8_t> bytes, uint64_t base, uint64_t chunks_end)
      : in_(bytes, base), chunks_end_(chunks_end) {}

  Result<SegmentMeta> Parse() {
    SegmentMeta meta;
    STEDI_RETURN_IF_ERROR(ParseSchema(&meta));
    uint64_t groups;
    STEDI_RETURN_IF_ERROR(Count(&groups, "row group count"));
    next_offset_ = kHeaderSize;
    for (uint64_t g = 0; g < groups; ++g) {
      RowGroupMeta rg;
      STEDI_RETURN_IF_ERROR(ParseRowGroup(meta.schema, &rg));
      meta.row_groups.push_back(std::move(rg));
    }
    if (in_.remaining() != 0) return in_.Error("stray bytes at the end of the footer");
    if (next_offset_ != chunks_end_) {
      return in_.Error("column chunks end at " + std::to_string(next_offset_) +
                       " but the footer starts at " + std::to_string(chunks_end_));
    }
    return meta;
  }

 private:
  // A count of items that each take at least one footer byte.
  Status Count(uint64_t* n, const char* what) {
    if (!in_.ReadVarint(n)) return in_.Error(std::string(what) + " truncated");
    if (*n > in_.remaining()) return in_.Error(std::string(what) + " exceeds the footer");
    return Status::OK();
  }

  Status Name(std::string* name, const char* what) {
    std::span<const uint8_t> bytes;
    if (!in_.ReadLengthPrefixed(&bytes) || bytes.size() > kMaxNameBytes) {
      return in_.Error(std::string(what) + " truncated or too long");
    }
    name->assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    return Status::OK();
  }

  Status ParseSchema(SegmentMeta* meta) {
    uint64_t fields;
    STEDI_RETURN_IF_ERROR(Count(&fields, "field count"));
    std::set<std::string> names;
    for (uint64_t i = 0; i < fields; ++i) {
      Field f;
      uint8_t type, nullable;
      STEDI_RETURN_IF_ERROR(Name(&f.name, "field name"));
      if (!in_.ReadU8(&type) || !in_.ReadU8(&nullable)) return in_.Error("field truncated");
      if (type < 1 || type > 6) return in_.Error("unknown type id " + std::to_string(type));
      if (nullable > 1) return in_.Error("nullable flag is not 0 or 1");
      if (!names.insert(f.name).second) return in_.Error("duplicate field '" + f.name + "'");
      f.type = static_cast<TypeId>(type);
      f.nullable = nullable == 1;
      meta->schema.AddField(std::move(f));
    }
    uint64_t sorts;
    STEDI_RETURN_IF_ERROR(Count(&sorts, "sort column count"));
    for (uint64_t i = 0; i < sorts; ++i) {
      std::string name;
      STEDI_RETURN_IF_ERROR(Name(&name, "sort column"));
      if (!names.count(name)) return in_.Error("sort column '" + name + "' not in the schema");
      meta->sort_by.push_back(std::move(name));
    }
    return Status::OK();
  }

  Status ParseRowGroup(const Schema& schema, RowGroupMeta* rg) {
    if (!in_.ReadVarint(&rg->rows)) return in_.Error("row group truncated");
    if (rg->rows == 0 || rg->rows > kMaxBlockValues) {
      return in_.Error("row group of " + std::to_string(rg->rows) + " rows");
    }
    for (const Field& f : schema.fields()) {
      ChunkMeta c;
      STEDI_RETURN_IF_ERROR(ParseChunk(f, rg->rows, &c));
      rg->columns.push_back(std::move(c));
    }
    return Status::OK();
  }

  Status ParseChunk(const Field& field, uint64_t rows, ChunkMeta* c) {
    const uint64_t at = in_.offset();
    uint8_t flags;
    if (!in_.ReadVarint(&c->offset) || !in_.ReadVarint(&c->stored_bytes) ||
        !in_.ReadVarint(&c->raw_bytes) || !in_.ReadFixed64(&c->checksum) ||
        !in_.ReadVarint(&c->null_count) || !in_.ReadU8(&flags)) {
      return in_.Error("column chunk truncated");
    }
    const std::string what =
        "chunk of column '" + field.name + "' at footer offset " + std::to_string(at) + ": ";
    if (c->offset != next_offset_ || c->stored_bytes > chunks_end_ - next_offset_) {
      return in_.Error(what + "offset " + std::to_string(c->offset) + " size " +
                       std::to_string(c->stored_bytes) + " does not follow the previous chunk");
    }
    next_offset_ += c->stored_bytes;
    if (c->null_count > rows || (!field.nullable && c->null_count > 0)) {
      return in_.Error(what + "null count " + std::to_string(c->null_count) + " is impossible");
    }
    if ((c->null_count == rows) != (c->stored_bytes == 0)) {
      return in_.Error(what + "only an all-null chunk may be empty");
    }
    if (flags & ~kHasMinMax) return in_.Error(what + "unknown statistics flags");
    c->has_min_max = flags & kHasMinMax;
    if (c->has_min_max) STEDI_RETURN_IF_ERROR(ParseMinMax(field.type, rows, what, c));
    STEDI_RETURN_IF_ERROR(ParseSteps(&c->validity_steps, what));
    STEDI_RETURN_IF_ERROR(ParseSteps(&c->value_steps, what));
    const bool want_validity = c->null_count > 0 && c->null_count < rows;
    if (c->validity_steps.empty() == want_validity ||
        c->value_steps.empty() != (c->null_count == rows)) {
      return in_.Error(what + "encoding steps do not match the null count");
    }
    return Status::OK();
  }

  Status ParseValue(TypeId type, Value* v) {
    v->type = type;
    v->is_null = false;
    uint8_t b;
    uint64_t u;
    switch (type) {
      case TypeId::kBool:
        if (!in_.ReadU8(&b) || b > 1) return in_.Error("bad bool statistic");
        v->i = b;
        return Status::OK();
      case TypeId::kInt32:
        if (!in_.ReadFixed64(&u)) return in_.Error("statistic truncated");
        v->i = static_cast<int64_t>(u);
        if (v->i < INT32_MIN || v->i > INT32_MAX) return in_.Error("int32 statistic out of range");
        return Status::OK();
      case TypeId::kInt64:
      case TypeId::kTimestamp:
        if (!in_.ReadI64(&v->i)) return in_.Error("statistic truncated");
        return Status::OK();
      case TypeId::kDouble:
        if (!in_.ReadDouble(&v->d) || v->d != v->d) return in_.Error("bad double statistic");
        return Status::OK();
      case TypeId::kString:
        return Name(&v->s, "string statistic");
    }
    return in_.Error("bad statistic");
  }

  Status ParseMinMax(TypeId type, uint64_t rows, const std::string& what, ChunkMeta* c) {
    STEDI_RETURN_IF_ERROR(ParseValue(type, &c->min));
    STEDI_RETURN_IF_ERROR(ParseValue(type, &c->max));
    if (c->null_count == rows || c->min.Compare(c->max) > 0) {
      return in_.Error(what + "min/max statistics are inconsistent");
    }
    return Status::OK();
  }

  Status ParseSteps(std::vector<EncodingStep>* steps, const std::string& what) {
    uint64_t n;
    STEDI_RETURN_IF_ERROR(Count(&n, "encoding step count"));
    for (uint64_t i = 0; i < n; ++i) {
      EncodingStep s;
      uint8_t id;
      if (!in_.ReadU8(&s.depth) || !in_.ReadU8(&id) || !in_.ReadVarint(&s.param) ||
          !in_.ReadVarint(&s.bytes_in) || !in_.ReadVarint(&s.bytes_out)) {
        return in_.Error(what + "encoding step truncated");
      }
      // Pre-order: the first step is the root, each next one at most one deeper.
      const uint8_t max_depth = steps->empty() ? 0 : steps->back().depth + 1;
      if (!IsKnownEncoding(id) || s.depth > max_depth || (i > 0 && s.depth == 0)) {
        return in_.Error(what + "malformed encoding step");
      }
      s.id = static_cast<EncodingId>(id);
      steps->push_back(s);
    }
    return Status::OK();
  }

  ByteReader in_;
  uint64_t chunks_end_;
  uint64_t next_offset_ = 0;
};

}  // namespace

Result<SegmentMeta> ParseFooter(std::span<const uint8_t> footer, uint64_t base,
                                uint64_t chunks_end) {
  return FooterParser(footer, base, chunks_end).Parse();
}

}  // namespace stedi
