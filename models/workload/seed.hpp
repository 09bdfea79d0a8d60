#pragma once
// Seed derivation: independent, reproducible generator seeds for each region,
// stream and class, so adding one consumer never shifts another's numbers.
#include <cstdint>

namespace sovcap::workload {

// splitmix64 finaliser (Steele et al., 2014): a bijective, well-avalanching mix.
constexpr uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The seed of sub-stream (a, b) of a scenario seed; chained mixing keeps (a, b)
// and (b, a) apart.
constexpr uint64_t derive_seed(uint64_t seed, uint64_t a, uint64_t b = 0) {
  return splitmix64(splitmix64(splitmix64(seed) ^ a) ^ b);
}

// Stream tags, so the same (seed, region) gives unrelated generators per use.
enum SeedTag : uint64_t {
  seed_tag_arrivals = 0x41525256ULL,    // arrival times and class choice
  seed_tag_attributes = 0x41545452ULL,  // per-class job sizes and run times
  seed_tag_trace_regions = 0x54524143ULL,
};

}  // namespace sovcap::workload
