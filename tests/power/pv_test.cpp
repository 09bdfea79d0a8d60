// PV plant: STC output, clipping, temperature derating, plane-of-array geometry.
#include <gtest/gtest.h>

#include <cmath>

#include "models/power/pv.hpp"

using namespace sovcap::power;

namespace {
constexpr double kRad = 3.14159265358979323846 / 180.0;
SolarParams plant(double mw) {
  SolarParams p;
  p.capacity_mw = mw;
  return p;
}
}  // namespace

TEST(Pv, StcGivesCapacityTimesOneMinusLosses) {
  PvPlant pv(plant(100));
  EXPECT_NEAR(pv.dc_mw(1000, 25), 100 * (1 - 0.14), 1e-12);
  EXPECT_NEAR(pv.dc_mw(500, 25), 50 * (1 - 0.14), 1e-12);
  EXPECT_EQ(pv.dc_mw(0, 25), 0);
  EXPECT_NEAR(pv.ac_mw(pv.dc_mw(1000, 25)), 86 * 0.96, 1e-12);  // 82.56 < 100/1.2: not clipped
}

TEST(Pv, TemperatureDeratingSignAndMagnitude) {
  PvPlant pv(plant(100));
  // -0.35 %/C: 20 C above STC loses 7 %; 10 C below gains 3.5 %.
  EXPECT_NEAR(pv.dc_mw(1000, 45) / pv.dc_mw(1000, 25), 1 - 0.07, 1e-12);
  EXPECT_NEAR(pv.dc_mw(1000, 15) / pv.dc_mw(1000, 25), 1 + 0.035, 1e-12);
  // NOCT definition: 800 W/m2 and 20 C ambient give a 45 C cell.
  EXPECT_NEAR(PvPlant::cell_temperature_c(800, 20), 45, 1e-12);
  EXPECT_NEAR(PvPlant::cell_temperature_c(0, 30), 30, 1e-12);
}

TEST(Pv, InverterClipsAtCapacityOver1p2OrTheGivenLimit) {
  PvPlant pv(plant(120));
  EXPECT_NEAR(pv.inverter_mw(), 100, 1e-12);
  EXPECT_NEAR(pv.ac_mw(200), 100, 1e-12);
  EXPECT_NEAR(pv.ac_mw(50), 48, 1e-12);
  SolarParams p = plant(120);
  p.inverter_mw = 90;
  EXPECT_NEAR(PvPlant(p).ac_mw(200), 90, 1e-12);
  // A phase that resizes the plant resizes the default inverter with it.
  pv.set_capacity_mw(240);
  EXPECT_NEAR(pv.inverter_mw(), 200, 1e-12);
}

TEST(Pv, FixedTiltPlaneIrradiance) {
  SolarParams p = plant(1);
  p.tilt_deg = 25;
  p.azimuth_deg = 180;
  PvPlant pv(p);
  // Sun square onto the plane: zenith = tilt, due south.
  Irradiance h{800, 900, 800 - 900 * std::cos(25 * kRad)};
  auto poa = pv.plane_irradiance(h, {25, 180});
  EXPECT_NEAR(poa.aoi_deg, 0, 1e-6);
  double c = std::cos(25 * kRad);
  EXPECT_NEAR(poa.poa_wm2, 900 + h.dhi_wm2 * (1 + c) / 2 + 800 * 0.2 * (1 - c) / 2, 1e-6);
  // Sun behind the plane: no beam, diffuse and ground only.
  auto behind = pv.plane_irradiance(h, {80, 0});
  EXPECT_EQ(behind.beam_wm2, 0);
  EXPECT_NEAR(behind.poa_wm2, h.dhi_wm2 * (1 + c) / 2 + 800 * 0.2 * (1 - c) / 2, 1e-6);
  // Flat plate: POA = GHI when the sun is overhead.
  p.tilt_deg = 0;
  Irradiance top{1000, 900, 100};
  EXPECT_NEAR(PvPlant(p).plane_irradiance(top, {0, 180}).poa_wm2, 1000, 1e-6);
  // Night.
  EXPECT_EQ(pv.plane_irradiance(h, {95, 180}).poa_wm2, 0);
}

TEST(Pv, IncidenceAngleModifierIsAshrae) {
  SolarParams p = plant(1);
  p.tilt_deg = 0;
  PvPlant pv(p);
  Irradiance h{500, 1000, 0};
  // Beam on a flat plate at zenith 60: 1000 cos 60 (1 - b0 (1/cos 60 - 1)).
  EXPECT_NEAR(pv.plane_irradiance(h, {60, 90}).beam_wm2, 500 * (1 - 0.05), 1e-6);
}

TEST(Pv, SingleAxisTrackerFacesTheSunUpToItsLimit) {
  SolarParams p = plant(1);
  p.single_axis_tracking = true;
  PvPlant pv(p);
  Irradiance h{600, 800, 200};
  // Morning sun due east at zenith 50: the tracker turns 50 deg east, AOI 0.
  auto a = pv.plane_irradiance(h, {50, 90});
  EXPECT_NEAR(a.aoi_deg, 0, 1e-6);
  EXPECT_NEAR(a.surface_tilt_deg, 50, 1e-6);
  // Zenith 75 due west: past the 60 deg stop, AOI 15.
  auto b = pv.plane_irradiance(h, {75, 270});
  EXPECT_NEAR(b.surface_tilt_deg, 60, 1e-6);
  EXPECT_NEAR(b.aoi_deg, 15, 1e-6);
  // Noon sun in the south at zenith 30: the N-S axis cannot tilt south; AOI = 30.
  EXPECT_NEAR(pv.plane_irradiance(h, {30, 180}).aoi_deg, 30, 1e-6);
  // Tracking collects more beam than a flat plate in the morning.
  p.single_axis_tracking = false;
  p.tilt_deg = 0;
  EXPECT_GT(a.poa_wm2, PvPlant(p).plane_irradiance(h, {50, 90}).poa_wm2);
}
