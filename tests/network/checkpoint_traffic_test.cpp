// Checkpoint traffic by hand: due times from each (re)start, inclusive boundaries at integer times,
// several checkpoints in one collection, stops, sites kept apart, and the sum in job-id order.
#include "models/network/checkpoint_traffic.hpp"

#include <gtest/gtest.h>

namespace sovcap::network {
namespace {

TEST(CheckpointTraffic, DueEveryIntervalFromTheStartBoundaryIncluded) {
  CheckpointTraffic t(2);
  t.start(0, 7, 2.0, 600, 100);  // due at 700, 1300, 1900, ...
  EXPECT_EQ(t.collect_gb(0, 699.5), 0.0);
  EXPECT_EQ(t.collect_gb(0, 700), 2.0);   // exactly at its time: due
  EXPECT_EQ(t.collect_gb(0, 700), 0.0);   // collected once
  EXPECT_EQ(t.collect_gb(0, 1900), 4.0);  // 1300 and 1900 in one batch
  EXPECT_EQ(t.collect_gb(1, 1900), 0.0);  // another site has nothing
}

TEST(CheckpointTraffic, ARestartCountsAgainAndAStopEndsIt) {
  CheckpointTraffic t(1);
  t.start(0, 1, 1.0, 300, 0);
  t.start(0, 1, 1.0, 300, 250);  // restarted at 250: next at 550, not 300
  EXPECT_EQ(t.collect_gb(0, 549), 0.0);
  EXPECT_EQ(t.collect_gb(0, 550), 1.0);
  t.stop(0, 1);
  t.stop(0, 99);  // never checkpointed: nothing happens
  EXPECT_EQ(t.collect_gb(0, 10000), 0.0);
}

TEST(CheckpointTraffic, TheSumGoesInJobIdOrderWhateverTheDueOrder) {
  // 1e16 + 1 rounds back to 1e16 (doubles 2 apart there): summed in id order (1e16 first) the two
  // 1 GB checkpoints vanish; in due order (the 1 GB ones first) they would give 1e16 + 2.
  CheckpointTraffic t(1);
  t.start(0, 1, 1e16, 100, 50);  // due at 150
  t.start(0, 2, 1.0, 100, 0);    // due at 100
  t.start(0, 3, 1.0, 100, 10);   // due at 110
  EXPECT_EQ(t.collect_gb(0, 150), 1e16);
  EXPECT_NE(1.0 + 1.0 + 1e16, 1e16);  // (the other order does differ)
}

}  // namespace
}  // namespace sovcap::network
