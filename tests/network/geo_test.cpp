#include "models/network/geo.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace sovcap::network {
namespace {

constexpr double pi = 3.14159265358979323846;

// Independent reference: the spherical law of cosines (same sphere).
double law_of_cosines_km(double lat1, double lon1, double lat2, double lon2) {
  const double r = pi / 180;
  const double c = std::sin(lat1 * r) * std::sin(lat2 * r) +
                   std::cos(lat1 * r) * std::cos(lat2 * r) * std::cos((lon2 - lon1) * r);
  return 6371.0088 * std::acos(c);
}

TEST(Geo, RabatToDakhlaMatchesLawOfCosines) {
  const double km = great_circle_km(34.0209, -6.8416, 23.6848, -15.9580);
  EXPECT_NEAR(km, law_of_cosines_km(34.0209, -6.8416, 23.6848, -15.9580), 1e-6);
  // The rough figure we started from, "about 1,480 km", holds to 3%; the sphere
  // gives about 1,451 km (the exact check is the line above).
  EXPECT_NEAR(km, 1480, 0.03 * 1480);
}

TEST(Geo, ClosedFormArcs) {
  const double degree_km = 2 * pi * 6371.0088 / 360;  // one degree of any great circle
  EXPECT_NEAR(great_circle_km(30, -8, 31, -8), degree_km, 1e-9);
  EXPECT_NEAR(great_circle_km(0, 10, 0, 11), degree_km, 1e-9);
  EXPECT_NEAR(great_circle_km(0, 0, 0, 90), pi / 2 * 6371.0088, 1e-6);
  EXPECT_NEAR(great_circle_km(0, 0, 0, 180), pi * 6371.0088, 1e-6);  // antipodes: no NaN
  EXPECT_DOUBLE_EQ(great_circle_km(33.5, -7.6, 33.5, -7.6), 0.0);
  // Symmetric.
  EXPECT_DOUBLE_EQ(great_circle_km(34, -6.8, 31.6, -8), great_circle_km(31.6, -8, 34, -6.8));
}

TEST(Geo, ShortDistanceIsWellConditioned) {
  // 1e-5 degree of latitude: about 1.11 m, where the law of cosines loses digits.
  const double km = great_circle_km(34, -6.8, 34.00001, -6.8);
  EXPECT_NEAR(km, 2 * pi * 6371.0088 / 360 * 1e-5, 1e-9);
}

TEST(Geo, FibreLatency) {
  // Light in fibre: c / 1.4682 = 204,190 km/s, about 4.9 us per km.
  EXPECT_NEAR(fibre_latency_s(1000, 1.0), 1000 * 1.4682 / 299792.458, 1e-15);
  EXPECT_NEAR(fibre_latency_s(1, 1.0), 4.897e-6, 1e-9);
  // The route factor lengthens the fibre in proportion.
  EXPECT_NEAR(fibre_latency_s(1000, 1.3), 1.3 * fibre_latency_s(1000, 1.0), 1e-15);
  EXPECT_DOUBLE_EQ(fibre_latency_s(0, 1.3), 0.0);
}

}  // namespace
}  // namespace sovcap::network
