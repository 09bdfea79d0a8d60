// Clear-sky models against their published formulas, evaluated here by hand,
// and physical bounds.
#include <gtest/gtest.h>

#include <cmath>

#include "models/power/clear_sky.hpp"
#include "models/power/decomposition.hpp"

using namespace sovcap::power;

namespace {
constexpr double kRad = 3.14159265358979323846 / 180.0;
}

TEST(ClearSky, HaurwitzIsThePublishedFormula) {
  for (double z : {0.0, 30.0, 60.0, 85.0}) {
    double cz = std::cos(z * kRad);
    EXPECT_NEAR(clear_sky_haurwitz_ghi(z), 1098.0 * cz * std::exp(-0.059 / cz), 1e-9) << z;
  }
  EXPECT_NEAR(clear_sky_haurwitz_ghi(0), 1035.1, 0.1);  // 1098 e^-0.059
  EXPECT_EQ(clear_sky_haurwitz_ghi(90), 0);
  EXPECT_EQ(clear_sky_haurwitz_ghi(120), 0);
}

TEST(ClearSky, KastenYoungAirMass) {
  EXPECT_NEAR(air_mass_kasten_young(0), 1.0 / (1.0 + 0.50572 * std::pow(96.07995, -1.6364)), 1e-12);
  EXPECT_NEAR(air_mass_kasten_young(0), 1.0, 0.001);
  // Near sec z at moderate zenith; finite (about 38) at the horizon, unlike sec z.
  EXPECT_NEAR(air_mass_kasten_young(60), 2.0, 0.01);
  EXPECT_NEAR(air_mass_kasten_young(89.999), 37.9, 0.5);
  EXPECT_EQ(air_mass_kasten_young(95), 0);
}

TEST(ClearSky, SpencerExtraterrestrial) {
  // Perihelion in early January, aphelion in early July: about +/- 3.3 %.
  EXPECT_NEAR(extraterrestrial_wm2(3), 1367 * 1.034, 2.0);
  EXPECT_NEAR(extraterrestrial_wm2(185), 1367 * 0.967, 2.0);
}

TEST(ClearSky, IneichenPerezMatchesItsEquationsBySeaLevelAndAltitude) {
  for (double h : {0.0, 1500.0}) {
    for (double tl : {2.0, 3.0, 5.0}) {
      const double z = 30, cz = std::cos(z * kRad);
      const int doy = 172;
      // Ineichen & Perez 2002, eqs. 8-9, with Kasten-Young air mass and pressure correction.
      const double i0 = extraterrestrial_wm2(doy);
      const double am = 1.0 / (cz + 0.50572 * std::pow(96.07995 - z, -1.6364)) *
                        std::pow(1 - 2.25577e-5 * h, 5.25588);
      const double fh1 = std::exp(-h / 8000), fh2 = std::exp(-h / 1250);
      const double cg1 = 5.09e-5 * h + 0.868, cg2 = 3.92e-5 * h + 0.0387;
      const double ghi = cg1 * i0 * cz * std::exp(-cg2 * am * (fh1 + fh2 * (tl - 1)));
      const double dni_b = (0.664 + 0.163 / fh1) * i0 * std::exp(-0.09 * am * (tl - 1));
      const double dni_g = ghi * (1 - (0.1 - 0.2 * std::exp(-tl)) / (0.1 + 0.882 / fh1)) / cz;
      const double dni = std::min(dni_b, dni_g);
      Irradiance r = clear_sky_ineichen(z, doy, tl, h);
      EXPECT_NEAR(r.ghi_wm2, ghi, 1e-9);
      EXPECT_NEAR(r.dni_wm2, dni, 1e-9);
      EXPECT_NEAR(r.dhi_wm2, ghi - dni * cz, 1e-9);
    }
  }
}

TEST(ClearSky, IneichenSanityBounds) {
  for (double z = 0; z < 90; z += 5) {
    Irradiance r = clear_sky_ineichen(z, 80, 3.0, 10);
    const double cz = std::cos(z * kRad);
    EXPECT_GE(r.ghi_wm2, 0);
    EXPECT_LE(r.ghi_wm2, extraterrestrial_wm2(80) * cz + 1e-9);
    EXPECT_LE(r.dni_wm2, extraterrestrial_wm2(80));
    EXPECT_GE(r.dhi_wm2, 0);
    EXPECT_NEAR(r.ghi_wm2, r.dni_wm2 * cz + r.dhi_wm2, 1e-9);
  }
  // Overhead sun, TL 3 at sea level: GHI about 1000-1100, DNI about 850-1000 W/m2.
  Irradiance r = clear_sky_ineichen(0, 80, 3.0, 0);
  EXPECT_GT(r.ghi_wm2, 1000);
  EXPECT_LT(r.ghi_wm2, 1100);
  EXPECT_GT(r.dni_wm2, 850);
  EXPECT_LT(r.dni_wm2, 1000);
  // A hazier sky gives less beam and more diffuse.
  Irradiance hazy = clear_sky_ineichen(30, 80, 6.0, 0), clear = clear_sky_ineichen(30, 80, 2.0, 0);
  EXPECT_LT(hazy.dni_wm2, clear.dni_wm2);
  EXPECT_GT(hazy.dhi_wm2, clear.dhi_wm2);
  // Higher site, more sun.
  EXPECT_GT(clear_sky_ineichen(30, 80, 3.0, 2000).ghi_wm2, clear_sky_ineichen(30, 80, 3.0, 0).ghi_wm2);
  EXPECT_EQ(clear_sky_ineichen(91, 80, 3.0, 0).ghi_wm2, 0);
}

TEST(Decomposition, ErbsPiecesAndClosure) {
  EXPECT_NEAR(erbs_diffuse_fraction(0.1), 1 - 0.09 * 0.1, 1e-12);
  EXPECT_NEAR(erbs_diffuse_fraction(0.5),
              0.9511 - 0.1604 * 0.5 + 4.388 * 0.25 - 16.638 * 0.125 + 12.336 * 0.0625, 1e-12);
  EXPECT_EQ(erbs_diffuse_fraction(0.9), 0.165);
  // The polynomial meets the outer pieces (Erbs et al. fitted it so).
  EXPECT_NEAR(erbs_diffuse_fraction(0.2200001), erbs_diffuse_fraction(0.22), 0.01);
  EXPECT_NEAR(erbs_diffuse_fraction(0.8), 0.165, 0.01);
  Irradiance r = split_erbs(800, 30, 100);
  EXPECT_NEAR(r.dni_wm2 * std::cos(30 * kRad) + r.dhi_wm2, 800, 1e-9);
  EXPECT_GT(r.dni_wm2, 0);
  EXPECT_EQ(split_erbs(100, 95, 100).ghi_wm2, 0);
}
