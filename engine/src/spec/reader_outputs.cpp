#include "spec/spec_reader.hpp"

#include <fmt/format.h>

#include "spec/substitute.hpp"

namespace vigie::spec {

Outputs SpecReader::read_outputs(const Cursor& at) {
  Outputs outputs;
  if (!doc_.expect_map(at)) return outputs;
  Fields f(doc_, at,
           {"pdf", "svg", "json", "lists", "raw_customer_id",
            "raw_customer_id_reason", "hmac_key_env"});
  doc_.assign(outputs.pdf, f.optional("pdf"));
  doc_.assign(outputs.svg, f.optional("svg"));
  doc_.assign(outputs.json, f.optional("json"));
  doc_.assign(outputs.lists, f.optional("lists"));
  auto raw_at = f.optional("raw_customer_id");
  doc_.assign(outputs.raw_customer_id, raw_at);
  doc_.assign(outputs.raw_customer_id_reason,
              f.optional("raw_customer_id_reason"));
  if (outputs.raw_customer_id &&
      outputs.raw_customer_id_reason.find_first_not_of(" \t\n") ==
          std::string::npos)
    doc_.error(*raw_at,
               "raw_customer_id: true needs raw_customer_id_reason: why "
               "the lists must carry raw customer ids rather than their "
               "keyed hash");
  if (auto h = f.optional("hmac_key_env")) {
    doc_.assign(outputs.hmac_key_env, h);
    if (!is_variable_name(outputs.hmac_key_env))
      doc_.error(*h,
                 "expected the name of an environment variable (letters, "
                 "digits and '_')");
  }
  return outputs;
}

}  // namespace vigie::spec
