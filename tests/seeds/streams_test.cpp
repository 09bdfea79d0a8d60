// The seed-derivation scheme against published values (SplitMix64, FNV-1a) and a
// stateful SplitMix64 generator written here from Steele, Lea and Flood (2014),
// and the named streams of a large scenario checked for collisions.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "models/seeds/streams.hpp"

using namespace sovcap::seeds;

namespace {

// SplitMix64 as a generator: add the golden gamma to the state, then mix it.
struct SplitMix64 {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

uint64_t nth_output(uint64_t seed, int n) {
  SplitMix64 g{seed};
  uint64_t x = 0;
  for (int i = 0; i <= n; ++i) x = g.next();
  return x;
}

}  // namespace

TEST(Seeds, IndexedIsTheSplitMix64Sequence) {
  // Rosetta Code, "Pseudo-random numbers/Splitmix64": seed 1234567, first five outputs.
  const uint64_t published[] = {6457827717110365317ULL, 3203168211198807973ULL, 9817491932198370423ULL,
                                4593380528125082431ULL, 16408922859458223821ULL};
  for (int n = 0; n < 5; ++n) EXPECT_EQ(indexed(1234567, n), published[n]) << n;
  for (uint64_t seed : {0ULL, 1ULL, 20300101ULL, ~0ULL})
    for (int n : {0, 1, 2, 1000, 1001, 2000, 2065, 3000}) EXPECT_EQ(indexed(seed, n), nth_output(seed, n)) << seed << " " << n;
  static_assert(indexed(7, 0) == splitmix64(7), "output 0 is one mix of seed + gamma");
}

TEST(Seeds, NameKeyIsFnv1a64) {
  // The FNV reference test vectors (Fowler, Noll, Vo).
  EXPECT_EQ(name_key(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(name_key("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(name_key("foobar"), 0x85944171f73967e8ULL);
}

TEST(Seeds, KeyedTellsTheOrderOfKeysApart) {
  EXPECT_NE(keyed(1, 2, 3), keyed(1, 3, 2));
  EXPECT_NE(keyed(1, 0, 0), keyed(2, 0, 0));
  EXPECT_EQ(keyed(5, 6), keyed(5, 6, 0));
  EXPECT_EQ(keyed(5, 6, 7), splitmix64(splitmix64(splitmix64(5) ^ 6) ^ 7));
}

TEST(Seeds, NamedStreamsFollowTheDocumentedNumbering) {
  const uint64_t seed = 20300101;
  EXPECT_EQ(site_power(seed, 3), nth_output(seed, 1003));
  EXPECT_EQ(site_clouds(site_power(seed, 3)), nth_output(nth_output(seed, 1003), 1));
  EXPECT_EQ(site_wind(site_power(seed, 3)), nth_output(nth_output(seed, 1003), 2));
  EXPECT_EQ(node_failures(seed, 2, 5), nth_output(seed, 2000 + 64 * 2 + 5));
  EXPECT_EQ(link_failures(seed), nth_output(seed, 3000));
  EXPECT_EQ(link_failures_of(link_failures(seed), "rabat-dakhla"),
            keyed(link_failures(seed), tag_link, name_key("rabat-dakhla")));
  EXPECT_EQ(arrivals(seed, 4), keyed(seed, 4, tag_arrivals));
  EXPECT_EQ(job_attributes(seed, 4, 2), keyed(seed, 4, keyed(tag_attributes, 2)));
  EXPECT_EQ(trace_regions(seed, 0), keyed(seed, tag_trace_regions, 0));
}

TEST(Seeds, NoTwoStreamsOfALargeScenarioCollide) {
  // 15 sites of 8 pools, 12 regions, 20 classes, 40 links, 20 trace deals; seeds 1 and 20300101.
  for (uint64_t seed : {1ULL, 20300101ULL}) {
    std::set<uint64_t> all;
    size_t n = 0;
    auto add = [&](uint64_t s) {
      all.insert(s);
      ++n;
    };
    for (uint64_t s = 0; s < 15; ++s) {
      add(site_power(seed, s));
      add(site_clouds(site_power(seed, s)));
      add(site_wind(site_power(seed, s)));
      for (uint64_t p = 0; p < 8; ++p) add(node_failures(seed, s, p));
    }
    add(link_failures(seed));
    for (int l = 0; l < 40; ++l) add(link_failures_of(link_failures(seed), "link-" + std::to_string(l)));
    for (uint64_t r = 0; r < 12; ++r) {
      add(arrivals(seed, r));
      for (uint64_t k = 0; k < 20; ++k) add(job_attributes(seed, r, k));
    }
    for (uint64_t d = 0; d <= 20; ++d) add(trace_regions(seed, d));
    EXPECT_EQ(all.size(), n) << seed;
  }
}
