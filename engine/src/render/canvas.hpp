// The small drawing interface the layout targets. Layout and charts are
// computed once into pages of draw commands; an implementation of Canvas
// replays them: Cairo for the PDF (cairo_canvas.hpp), SVG written directly,
// with real <text>, for the SVG pages (svg_canvas.hpp), an HTML one later. The
// set is kept to what every such target has natively: straight paths,
// rectangles, circles, solid or dashed strokes, fills, rectangular clips,
// text runs already measured and placed, and PNG images (a logo). Beside
// the drawing, the document's logical structure: which commands make a
// heading, a paragraph, a figure or a table (cmd::BeginTag), for a target
// that can say so (a tagged PDF); the others draw the same without it.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace vigie::render {

struct Color {
  double r = 0, g = 0, b = 0;
};

struct Font {
  double size = 9;  // points
  bool bold = false;
};

namespace cmd {
struct MoveTo {
  double x, y;
};
struct LineTo {
  double x, y;
};
struct Rect {
  double x, y, width, height;
};
struct Circle {
  double cx, cy, radius;
};
// Fill and Stroke paint the path built since the last paint, then clear it.
struct Fill {
  Color color;
};
struct Stroke {
  Color color;
  double width = 1;
  double dash = 0;  // length of dashes and gaps; 0 draws a solid line
};
// One line of text, its left end at x and its baseline at y. `width` is
// its advance as the layout measured it (text_measure.hpp): a target that
// cannot promise the measuring font (an SVG viewer) pins the run to it, so
// that what the layout aligned and fitted stays aligned and fitted.
struct Text {
  double x, baseline;
  std::string text;
  Font font;
  Color color;
  double width;
};
// Drawing is confined to the rectangle until the matching PopClip.
struct PushClip {
  double x, y, width, height;
};
struct PopClip {};
// A PNG image (its file's bytes, shared by every page that shows it)
// scaled into the rectangle.
struct Image {
  double x, y, width, height;
  std::shared_ptr<const std::string> png;
};
// The commands between a BeginTag and its EndTag make one element of the
// document's logical structure, named by a standard structure type of
// PDF 1.7 (14.8.4): "H1", "H2", "P", "Figure", "Table", "TOC"... Elements
// nest, and each page's are balanced: one split over pages (a long table)
// is an element a page.
struct BeginTag {
  std::string name;
};
struct EndTag {
  std::string name;
};
}  // namespace cmd

using DrawCommand =
    std::variant<cmd::MoveTo, cmd::LineTo, cmd::Rect, cmd::Circle, cmd::Fill,
                 cmd::Stroke, cmd::Text, cmd::PushClip, cmd::PopClip,
                 cmd::Image, cmd::BeginTag, cmd::EndTag>;

// What a target must implement. Coordinates in points, origin at the top
// left of the page, y growing downwards.
class Canvas {
 public:
  virtual ~Canvas() = default;
  virtual void draw(const cmd::MoveTo& c) = 0;
  virtual void draw(const cmd::LineTo& c) = 0;
  virtual void draw(const cmd::Rect& c) = 0;
  virtual void draw(const cmd::Circle& c) = 0;
  virtual void draw(const cmd::Fill& c) = 0;
  virtual void draw(const cmd::Stroke& c) = 0;
  virtual void draw(const cmd::Text& c) = 0;
  virtual void draw(const cmd::PushClip& c) = 0;
  virtual void draw(const cmd::PopClip& c) = 0;
  virtual void draw(const cmd::Image& c) = 0;
  virtual void draw(const cmd::BeginTag& c) = 0;
  virtual void draw(const cmd::EndTag& c) = 0;
};

// A heading of the document's structure, where it starts on its page: the
// PDF's outline (bookmarks) is made of them. Not drawn: the text itself is
// a cmd::Text like any other.
struct Heading {
  std::string text;
  double y;
  int level;  // 1: a section
};

// One page of recorded commands, with shorthands the layout code uses,
// and the headings that start on it.
class Page {
 public:
  void heading(std::string text, double y, int level) {
    headings_.push_back(Heading{std::move(text), y, level});
  }
  const std::vector<Heading>& headings() const { return headings_; }

  void move_to(double x, double y) { commands_.push_back(cmd::MoveTo{x, y}); }
  void line_to(double x, double y) { commands_.push_back(cmd::LineTo{x, y}); }
  void rect(double x, double y, double w, double h) {
    commands_.push_back(cmd::Rect{x, y, w, h});
  }
  void circle(double cx, double cy, double r) {
    commands_.push_back(cmd::Circle{cx, cy, r});
  }
  void fill(Color c) { commands_.push_back(cmd::Fill{c}); }
  void stroke(Color c, double width, double dash = 0) {
    commands_.push_back(cmd::Stroke{c, width, dash});
  }
  // `width`: the run's measured advance (cmd::Text).
  void text(double x, double baseline, std::string s, Font f, Color c,
            double width) {
    commands_.push_back(cmd::Text{x, baseline, std::move(s), f, c, width});
  }
  void push_clip(double x, double y, double w, double h) {
    commands_.push_back(cmd::PushClip{x, y, w, h});
  }
  void pop_clip() { commands_.push_back(cmd::PopClip{}); }
  void image(double x, double y, double w, double h,
             std::shared_ptr<const std::string> png) {
    commands_.push_back(cmd::Image{x, y, w, h, std::move(png)});
  }

  // Structure (cmd::BeginTag): end_tag() closes the innermost element
  // open. An element that holds nothing is no element: ending it right
  // after its beginning takes the beginning back.
  void begin_tag(std::string name) {
    open_tags_.push_back(name);
    commands_.push_back(cmd::BeginTag{std::move(name)});
  }
  void end_tag() {
    if (open_tags_.empty()) return;
    std::string name = std::move(open_tags_.back());
    open_tags_.pop_back();
    if (!commands_.empty()) {
      const auto* begin = std::get_if<cmd::BeginTag>(&commands_.back());
      if (begin != nullptr && begin->name == name) {
        commands_.pop_back();
        return;
      }
    }
    commands_.push_back(cmd::EndTag{std::move(name)});
  }
  // The elements open, outermost first.
  const std::vector<std::string>& open_tags() const { return open_tags_; }

  // A filled rectangle and a straight stroked line, the two most common.
  void fill_rect(double x, double y, double w, double h, Color c) {
    rect(x, y, w, h);
    fill(c);
  }
  void line(double x1, double y1, double x2, double y2, Color c, double width,
            double dash = 0) {
    move_to(x1, y1);
    line_to(x2, y2);
    stroke(c, width, dash);
  }

  const std::vector<DrawCommand>& commands() const { return commands_; }

  void replay(Canvas& canvas) const {
    for (const DrawCommand& c : commands_) {
      std::visit([&canvas](const auto& command) { canvas.draw(command); }, c);
    }
  }

 private:
  std::vector<DrawCommand> commands_;
  std::vector<Heading> headings_;
  std::vector<std::string> open_tags_;
};

}  // namespace vigie::render
