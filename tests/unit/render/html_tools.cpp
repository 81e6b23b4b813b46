#include "html_tools.hpp"

#include <gtest/gtest.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <sstream>

#include "svg_tools.hpp"

namespace vigie::render::testing {
namespace {

const xmlChar* xml(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

}  // namespace

HtmlDocument::HtmlDocument(const std::string& html)
    : doc_(htmlReadMemory(
          html.data(), static_cast<int>(html.size()), "report.html", "UTF-8",
          HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)) {
  if (doc_ == nullptr) ADD_FAILURE() << "libxml2 could not read the HTML";
}

std::vector<const xmlNode*> HtmlDocument::select(const std::string& xpath,
                                                 const xmlNode* context) const {
  std::vector<const xmlNode*> nodes;
  if (!doc_) return nodes;
  xmlXPathContext* ctx = xmlXPathNewContext(doc_.get());
  if (context != nullptr) ctx->node = const_cast<xmlNode*>(context);
  xmlXPathObject* result = xmlXPathEvalExpression(xml(xpath.c_str()), ctx);
  EXPECT_NE(result, nullptr) << "bad XPath " << xpath;
  if (result != nullptr && result->nodesetval != nullptr) {
    for (int i = 0; i < result->nodesetval->nodeNr; ++i)
      nodes.push_back(result->nodesetval->nodeTab[i]);
  }
  xmlXPathFreeObject(result);
  xmlXPathFreeContext(ctx);
  return nodes;
}

std::vector<std::string> classes_of(const xmlNode* node) {
  std::istringstream words(attribute(node, "class"));
  std::vector<std::string> out;
  for (std::string word; words >> word;) out.push_back(word);
  return out;
}

bool has_class(const xmlNode* node, const std::string& name) {
  const auto all = classes_of(node);
  return std::find(all.begin(), all.end(), name) != all.end();
}

}  // namespace vigie::render::testing
