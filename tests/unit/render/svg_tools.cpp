#include "svg_tools.hpp"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

namespace vigie::render::testing {
namespace {

const xmlChar* xml(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

}  // namespace

SvgDocument::SvgDocument(const std::string& svg)
    : doc_(xmlReadMemory(
          svg.data(), static_cast<int>(svg.size()), "page.svg", nullptr,
          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {
  if (doc_ == nullptr) {
    const xmlError* error = xmlGetLastError();
    ADD_FAILURE() << "not well-formed XML: "
                  << (error != nullptr && error->message != nullptr
                          ? error->message
                          : "(no message)");
  }
}

const xmlNode* SvgDocument::root() const {
  return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr;
}

std::vector<const xmlNode*> SvgDocument::select(
    const std::string& xpath) const {
  std::vector<const xmlNode*> nodes;
  if (!doc_) return nodes;
  xmlXPathContext* context = xmlXPathNewContext(doc_.get());
  xmlXPathRegisterNs(context, xml("s"), xml("http://www.w3.org/2000/svg"));
  xmlXPathObject* result = xmlXPathEvalExpression(xml(xpath.c_str()), context);
  EXPECT_NE(result, nullptr) << "bad XPath " << xpath;
  if (result != nullptr && result->nodesetval != nullptr) {
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      nodes.push_back(result->nodesetval->nodeTab[i]);
    }
  }
  xmlXPathFreeObject(result);
  xmlXPathFreeContext(context);
  return nodes;
}

std::string attribute(const xmlNode* node, const char* name, const char* ns) {
  xmlChar* value = ns == nullptr ? xmlGetNoNsProp(node, xml(name))
                                 : xmlGetNsProp(node, xml(name), xml(ns));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool has_attribute(const xmlNode* node, const char* name) {
  return xmlHasProp(node, xml(name)) != nullptr;
}

std::string text_of(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string out(content == nullptr ? ""
                                     : reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

std::vector<std::string> svg_texts(const std::string& svg) {
  std::vector<std::string> texts;
  const SvgDocument doc(svg);
  for (const xmlNode* text : doc.select("//s:text")) {
    texts.push_back(text_of(text));
  }
  return texts;
}

}  // namespace vigie::render::testing
