// Lifecycle cost against hand-computed closed forms (HOMER's and REopt's conventions).
#include <gtest/gtest.h>

#include <cmath>

#include "models/economics/finance.hpp"

using namespace sovcap::economics;

TEST(Finance, CapitalRecoveryFactorOfAHandComputedCase) {
  // 8 %, 20 years: 1.08^20 = 4.660957; 0.08 x 4.660957 / 3.660957 = 0.101852.
  EXPECT_NEAR(capital_recovery_factor(0.08, 20), 0.101852, 1e-6);
  // 10 %, 3 years: 0.1 x 1.331 / 0.331 = 0.402115.
  EXPECT_NEAR(capital_recovery_factor(0.10, 3), 0.402115, 1e-6);
  // No discounting: spread evenly.
  EXPECT_DOUBLE_EQ(capital_recovery_factor(0.0, 10), 0.1);
  EXPECT_THROW(capital_recovery_factor(0.05, 0), std::invalid_argument);
}

TEST(Finance, AnnualisingTheNpcOfAnAnnuityGivesTheAnnuityBack) {
  // The CRF is the inverse of the present-value factor of a flat annuity.
  for (double r : {0.0, 0.03, 0.08, 0.15})
    for (double n : {1.0, 7.0, 25.0})
      EXPECT_NEAR(escalated_annuity_factor(r, 0, n) * capital_recovery_factor(r, n), 1.0, 1e-12) << r << " " << n;
}

TEST(Finance, NetPresentCostOfAHandComputedCase) {
  // 1,000 installed, 20 a year of O&M, 10 %, 3 years, life 3 (no replacement, no salvage):
  // NPC = 1000 + 20 (1/1.1 + 1/1.21 + 1/1.331) = 1000 + 20 x 2.486852 = 1049.737;
  // annualised = 1049.737 x 0.402115 = 422.115.
  Finance f;
  f.discount_rate = 0.10;
  f.analysis_years = 3;
  Asset a{"pv", 1000, 1000, 3, 20, 0};
  AssetCost c = lifecycle(a, f);
  EXPECT_EQ(c.replacements, 0);
  EXPECT_DOUBLE_EQ(c.salvage_usd, 0);
  EXPECT_NEAR(c.om_pv_usd, 49.737, 1e-3);
  EXPECT_NEAR(c.npc_usd, 1049.737, 1e-3);
  EXPECT_NEAR(c.annualised_usd, 422.115, 1e-3);
}

TEST(Finance, ReplacementAndSalvageWhenTheLifeDoesNotDivideTheAnalysis) {
  // Life 4 in 10 years at 5 %: replaced at 4 and 8 (800 each); the last one
  // has 2 of its 4 years left at year 10: salvage 800 x 2/4 = 400.
  Finance f;
  f.discount_rate = 0.05;
  f.analysis_years = 10;
  Asset a{"battery", 1000, 800, 4, 0, 0};
  AssetCost c = lifecycle(a, f);
  EXPECT_EQ(c.replacements, 2);
  EXPECT_NEAR(c.replacements_pv_usd, 800 / std::pow(1.05, 4) + 800 / std::pow(1.05, 8), 1e-9);
  EXPECT_NEAR(c.replacements_pv_usd, 1199.633, 1e-3);  // 658.162 + 541.471
  EXPECT_DOUBLE_EQ(c.salvage_usd, 400);
  EXPECT_NEAR(c.salvage_pv_usd, 245.565, 1e-3);        // 400 / 1.05^10 = 400 x 0.613913
  EXPECT_NEAR(c.npc_usd, 1000 + 1199.633 - 245.565, 1e-3);
}

TEST(Finance, FractionalLifetimes) {
  // Life 3.5 in 10 years: replaced at 3.5 and 7; at 10 the last has 0.5 of 3.5 left.
  Finance f;
  f.discount_rate = 0.0;
  f.analysis_years = 10;
  AssetCost c = lifecycle(Asset{"x", 700, 350, 3.5, 0, 0}, f);
  EXPECT_EQ(c.replacements, 2);
  EXPECT_DOUBLE_EQ(c.replacements_pv_usd, 700);
  EXPECT_NEAR(c.salvage_usd, 350 * 0.5 / 3.5, 1e-9);
  EXPECT_NEAR(c.npc_usd, 700 + 700 - 50, 1e-9);
}

TEST(Finance, LifeThatDividesTheAnalysisIsReplacedButNotAtTheEndAndHasNoSalvage) {
  Finance f;
  f.discount_rate = 0.0;
  f.analysis_years = 10;
  AssetCost c = lifecycle(Asset{"x", 100, 100, 5, 0, 0}, f);
  EXPECT_EQ(c.replacements, 1);  // at 5, not at 10
  EXPECT_DOUBLE_EQ(c.salvage_usd, 0);
  EXPECT_DOUBLE_EQ(c.npc_usd, 200);
  // A life equal to the analysis: nothing replaced, nothing left.
  AssetCost d = lifecycle(Asset{"x", 100, 100, 10, 0, 0}, f);
  EXPECT_EQ(d.replacements, 0);
  EXPECT_DOUBLE_EQ(d.salvage_usd, 0);
}

TEST(Finance, LifeLongerThanTheAnalysisIsSalvagedLinearly) {
  // Life 25, analysis 20: 5/25 of the replacement cost is left.
  Finance f;
  f.discount_rate = 0.0;
  f.analysis_years = 20;
  AssetCost c = lifecycle(Asset{"wind", 1000, 900, 25, 0, 0}, f);
  EXPECT_EQ(c.replacements, 0);
  EXPECT_DOUBLE_EQ(c.salvage_usd, 180);
  EXPECT_DOUBLE_EQ(c.npc_usd, 820);
}

TEST(Finance, EscalatedOperatingCosts) {
  // 100 a year escalating 2 % at 7 %, two years: 100 (1.02/1.07 + (1.02/1.07)^2) = 186.1996.
  Finance f;
  f.discount_rate = 0.07;
  f.analysis_years = 2;
  EXPECT_NEAR(recurring_pv_usd(100, 0.02, f), 186.1996, 1e-4);
  // Escalation equal to the discount rate: every year counts in full.
  f.discount_rate = 0.02;
  EXPECT_NEAR(recurring_pv_usd(100, 0.02, f), 200, 1e-9);
  f.om_escalation_rate = 0.02;
  EXPECT_NEAR(lifecycle(Asset{"x", 0, 0, 30, 100, 0}, f).om_pv_usd, 200, 1e-9);
}

TEST(Finance, EmbodiedCarbonIsAmortisedOverTheAssetsLife) {
  Finance f;
  AssetCost c = lifecycle(Asset{"gpu", 0, 0, 5, 0, 1000}, f);
  EXPECT_DOUBLE_EQ(c.embodied_tco2_per_year, 200);
  EXPECT_THROW(lifecycle(Asset{"bad", 1, 1, 0, 0, 0}, f), std::invalid_argument);
}
