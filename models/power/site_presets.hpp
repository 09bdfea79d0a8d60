#pragma once
// Default power parameters of the two Moroccan sites of the embedded scenario.
// Capacities are left at 0: the scenario sets them. Each number's source is
// given beside it in site_presets.cpp and in docs/power-models.md.
#include "models/power/params.hpp"

namespace sovcap::power {

SitePowerParams dakhla_preset();     // coastal Saharan, trade winds, 23.7 N
SitePowerParams benguerir_preset();  // inland plateau, hot continental summers, 32.2 N

}  // namespace sovcap::power
