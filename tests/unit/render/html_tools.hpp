// Reading report.html back with libxml2's HTML parser, as a browser would
// build its tree: the elements, their attributes and their text, entities
// resolved. libxml2 writes element and attribute names in lower case
// ("clippath", "viewbox").
#pragma once

#include <libxml/HTMLparser.h>

#include <memory>
#include <string>
#include <vector>

namespace vigie::render::testing {

class HtmlDocument {
 public:
  // Parses `html`; a document libxml2 cannot read at all fails the test.
  explicit HtmlDocument(const std::string& html);

  bool parsed() const { return doc_ != nullptr; }
  // The elements an XPath expression selects ("//td", "//svg//text"),
  // from the document or from under `context`.
  std::vector<const xmlNode*> select(const std::string& xpath,
                                     const xmlNode* context = nullptr) const;

 private:
  struct Free {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
  };
  std::unique_ptr<xmlDoc, Free> doc_;
};

// The class attribute's words.
std::vector<std::string> classes_of(const xmlNode* node);
bool has_class(const xmlNode* node, const std::string& name);

}  // namespace vigie::render::testing
