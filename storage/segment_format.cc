#include "storage/segment_format.h"

#include <cstdio>

namespace stedi {

std::string SegmentFileName(size_t index) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%s%06zu%s", kSegmentPrefix, index, kSegmentSuffix);
  return buf;
}

bool IsSegmentFileName(const std::string& name) {
  const std::string prefix = kSegmentPrefix;
  const std::string suffix = kSegmentSuffix;
  return name.size() > prefix.size() + suffix.size() && name.starts_with(prefix) &&
         name.ends_with(suffix);
}

namespace {

void Flatten(const EncodeNode& node, uint8_t depth, std::vector<EncodingStep>* out) {
  out->push_back({depth, node.id, node.param, node.bytes_in, node.bytes_out});
  for (const EncodeNode& child : node.children) Flatten(child, depth + 1, out);
}

std::string StepName(const EncodingStep& s) {
  std::string name = EncodingName(s.id);
  if (s.id != EncodingId::kPlain && s.id != EncodingId::kConstant && s.id != EncodingId::kDelta) {
    name += "(" + std::to_string(s.param) + ")";
  }
  return name;
}

// Describes the subtree at steps[*i] and advances *i past it.
std::string Describe(const std::vector<EncodingStep>& steps, size_t* i) {
  const EncodingStep& self = steps[(*i)++];
  std::vector<std::string> children;
  while (*i < steps.size() && steps[*i].depth > self.depth) {
    children.push_back(Describe(steps, i));
  }
  if (self.id == EncodingId::kZstd) {
    return (children.empty() ? "" : children.back() + " -> ") + StepName(self);
  }
  std::string text = StepName(self);
  if (children.size() > 1) {
    text += "[";
    for (size_t c = 0; c + 1 < children.size(); ++c) text += (c ? "; " : "") + children[c];
    text += "]";
  }
  if (!children.empty()) text += " -> " + children.back();
  return text;
}

}  // namespace

std::vector<EncodingStep> FlattenSteps(const EncodeNode& root) {
  std::vector<EncodingStep> out;
  Flatten(root, 0, &out);
  return out;
}

std::string DescribeSteps(const std::vector<EncodingStep>& steps) {
  std::string out;
  size_t i = 0;
  while (i < steps.size()) {
    if (!out.empty()) out += " + ";
    out += Describe(steps, &i);
  }
  return out;
}

uint64_t SegmentMeta::rows() const {
  uint64_t n = 0;
  for (const RowGroupMeta& rg : row_groups) n += rg.rows;
  return n;
}

ZoneStats ChunkZoneStats(const ChunkMeta& chunk, uint64_t rows) {
  ZoneStats z;
  z.null_count = chunk.null_count;
  z.rows = rows;
  if (chunk.has_min_max) {
    z.min = chunk.min;
    z.max = chunk.max;
  }
  return z;
}

}  // namespace stedi
