#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "demo/demo_data.hpp"

namespace vigie::cli {

int demo_data_command(const Args& args) {
  demo::DemoOptions opts;
  std::string out;
  po::options_description options("options");
  options.add_options()("out", po::value(&out)->required(),
                        "folder to write into")(
      "scale", po::value(&opts.scale)->default_value(1.0),
      "size: 1 is about 20k customers, 150k order lines, 1M web events")(
      "seed", po::value(&opts.seed)->default_value(42),
      "random seed: the same seed gives the same files")(
      "end-month", po::value(&opts.end_month)->default_value(opts.end_month),
      "last full month of data, YYYY-MM");
  po::positional_options_description positional;
  po::variables_map vm;
  if (!parse(args,
             "usage: vigie demo-data --out DIR [--scale S] [--seed N] "
             "[--end-month YYYY-MM]",
             options, positional, vm))
    return 0;
  opts.out = out;
  auto s = demo::write_demo_data(opts);
  fmt::print(stderr,
             "demo data in {}: {} customers, {} order lines, {} web events, {} "
             "calls, {} survey answers\n",
             out, s.customers, s.order_lines, s.web_events, s.calls, s.surveys);
  return 0;
}

}  // namespace vigie::cli
