// The Vigie plugin SDK: include this one header to write a plugin.
#pragma once

#include "vigie/plugin.h"
#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/calendar_month.hpp"
#include "vigie/sdk/column.hpp"
#include "vigie/sdk/config.hpp"
#include "vigie/sdk/declared_columns.hpp"
#include "vigie/sdk/exact_sum.hpp"
#include "vigie/sdk/kernels/all.hpp"
#include "vigie/sdk/kpi.hpp"
#include "vigie/sdk/option_limits.hpp"
#include "vigie/sdk/options.hpp"
#include "vigie/sdk/plugin.hpp"
#include "vigie/sdk/utc_text.hpp"
