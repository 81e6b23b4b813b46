// Reading an SVG page back with a real XML parser (libxml2), as a viewer
// would: a page that is not well-formed XML fails the test.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

namespace vigie::render::testing {

class SvgDocument {
 public:
  // Parses `svg`; a parse error fails the test (ADD_FAILURE with
  // libxml2's message) and leaves the document empty.
  explicit SvgDocument(const std::string& svg);

  bool parsed() const { return doc_ != nullptr; }
  const xmlNode* root() const;
  // The elements an XPath expression selects, the SVG namespace bound to
  // the prefix `s` ("//s:text").
  std::vector<const xmlNode*> select(const std::string& xpath) const;

 private:
  struct Free {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
  };
  std::unique_ptr<xmlDoc, Free> doc_;
};

// An attribute's value ("" when it has none); `ns` for xml:space and the
// like ("http://www.w3.org/XML/1998/namespace").
std::string attribute(const xmlNode* node, const char* name,
                      const char* ns = nullptr);
bool has_attribute(const xmlNode* node, const char* name);
// The text an element holds, entities resolved.
std::string text_of(const xmlNode* node);
// The contents of every <text> of `svg`, in document order.
std::vector<std::string> svg_texts(const std::string& svg);

}  // namespace vigie::render::testing
