// Life moments (KPI-CATALOG.md section 3): the customers who viewed a page
// of a moment (moving, termination, ...), counted per moment for P and P',
// and the operational list of those who did so in the last
// `life_moment_days` days before as_of, with the moment's suggested action.
#pragma once

#include "vigie/sdk/column.hpp"
#include "web_data.hpp"

namespace vigie::web_analytics {

// life_moments: moment, customers (P), previous_customers (P'), one row a
// moment of the parameter, by moment name.
Table life_moment_counts(WebData& data);

// life_moment_list: customer_id, moment, last_visit, suggested_action; one
// row a (customer, moment) of the window [as_of - days, as_of), by
// customer_id then moment. Anonymous visitors make no row.
Table life_moment_list(const WebData& data);

}  // namespace vigie::web_analytics
