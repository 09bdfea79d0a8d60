#pragma once
// The one seed-derivation scheme: every random stream of a run is a named
// function of the scenario seed, so adding a consumer never shifts another's
// numbers and the same seed gives the same run on every platform (each stream
// then feeds a Boost.Random mt19937_64). docs/architecture.md, "Seeds", lists
// the streams. All are built on one mix, splitmix64 (Steele, Lea and Flood,
// "Fast splittable pseudorandom number generators", OOPSLA 2014), in two forms:
//  - indexed: output n of the SplitMix64 sequence started at a seed;
//  - keyed: a chain of mixes of the seed with one key after another.
// The named streams below fix which form and which keys each consumer uses;
// changing any of them changes results.
#include <cstdint>
#include <string_view>

namespace sovcap::seeds {

// The splitmix64 finaliser: a bijective, well-avalanching mix.
constexpr uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Indexed form: output n (from 0) of a SplitMix64 generator seeded with `seed`.
constexpr uint64_t indexed(uint64_t seed, uint64_t n) { return splitmix64(seed + 0x9e3779b97f4a7c15ULL * n); }

// Keyed form: the seed of sub-stream (a, b); chained mixing keeps (a, b) and (b, a) apart.
constexpr uint64_t keyed(uint64_t seed, uint64_t a, uint64_t b = 0) {
  return splitmix64(splitmix64(splitmix64(seed) ^ a) ^ b);
}

// FNV-1a: a key from a name (a link's id), fixed by its definition, unlike std::hash.
constexpr uint64_t name_key(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Tags of the keyed streams: ASCII names, so the same (seed, index) gives
// unrelated generators per use.
enum Tag : uint64_t {
  tag_arrivals = 0x41525256ULL,       // "ARRV"
  tag_attributes = 0x41545452ULL,     // "ATTR"
  tag_trace_regions = 0x54524143ULL,  // "TRAC"
  tag_link = 0x4c494e4bULL,           // "LINK"
};

// ---- The named streams of a run (scenario seed -> generator seed) ----

// Site s's weather: indexed 1000 + s; its clouds and wind are outputs 1 and 2 from there.
constexpr uint64_t site_power(uint64_t seed, uint64_t site) { return indexed(seed, 1000 + site); }
constexpr uint64_t site_clouds(uint64_t site_power_seed) { return indexed(site_power_seed, 1); }
constexpr uint64_t site_wind(uint64_t site_power_seed) { return indexed(site_power_seed, 2); }

// Node failures of pool p of site s: indexed 2000 + 64 s + p. Distinct from every other indexed
// stream while p < 64 and 64 s + p < 1000 (sixteen sites of 64 pools would meet the link stream).
constexpr uint64_t node_failures(uint64_t seed, uint64_t site, uint64_t pool) { return indexed(seed, 2000 + 64 * site + pool); }

// Link failures: indexed 3000 for the backbone, then keyed by each link's id (not its index, so
// adding or reordering links leaves the others' failures alone).
constexpr uint64_t link_failures(uint64_t seed) { return indexed(seed, 3000); }
constexpr uint64_t link_failures_of(uint64_t link_failures_seed, std::string_view link_id) {
  return keyed(link_failures_seed, tag_link, name_key(link_id));
}

// Region r's arrival times and class choices, and its sizes and run times of class k.
constexpr uint64_t arrivals(uint64_t seed, uint64_t region) { return keyed(seed, region, tag_arrivals); }
constexpr uint64_t job_attributes(uint64_t seed, uint64_t region, uint64_t job_class) {
  return keyed(seed, region, keyed(tag_attributes, job_class));
}

// How a trace's jobs without a region are dealt among regions: deal 0 for an SWF trace,
// deal k + 1 for class k of a CSV trace.
constexpr uint64_t trace_regions(uint64_t seed, uint64_t deal) { return keyed(seed, tag_trace_regions, deal); }

}  // namespace sovcap::seeds
