// Sorting and filtering the tables of report.html, in the page itself: no
// library, nothing fetched. A header sorts its column when clicked
// (clicked again, the other way); the box above a table keeps the rows
// that hold what is typed in it. Numeric cells sort by the figure the
// engine wrote in their data-sort attribute, text cells in the report's
// language; cells with no figure go last either way.
(function () {
  "use strict";

  const root = document.documentElement;
  const language = root.lang || undefined;
  const collator = new Intl.Collator(language, {
    numeric: true,
    sensitivity: "base",
  });
  const counts = new Intl.NumberFormat(language);
  // "{shown} of {total} row(s)", in the report's language.
  const rowsShown = root.dataset.rowsShown || "{shown} / {total}";

  // Text as the filter compares it: without case or accents, so that
  // "eleve" finds "Élevé".
  function folded(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLocaleLowerCase(language);
  }

  // What a cell sorts by; null when it has nothing to sort by.
  function sortKey(cell, numeric) {
    if (!cell) return null;
    if (numeric) {
      const figure = cell.dataset.sort;
      return figure === undefined ? null : Number(figure);
    }
    const text = cell.textContent.trim();
    return text === "" ? null : text;
  }

  function sortBy(table, header) {
    const column = header.cellIndex;
    const numeric = header.classList.contains("num");
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    for (const other of header.parentElement.cells) {
      other.setAttribute("aria-sort", "none");
    }
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const body = table.tBodies[0];
    const rows = Array.from(body.rows, (row) => ({
      row,
      key: sortKey(row.cells[column], numeric),
    }));
    // Array.prototype.sort is stable: equal cells keep their order.
    rows.sort((a, b) => {
      if (a.key === null || b.key === null) {
        return (a.key === null) - (b.key === null);
      }
      const order = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      return ascending ? order : -order;
    });
    body.append(...rows.map((entry) => entry.row));
  }

  function rowText(row) {
    return folded(Array.from(row.cells, (cell) => cell.textContent).join("\n"));
  }

  function filter(table, input, count) {
    const wanted = folded(input.value.trim());
    const rows = table.tBodies[0].rows;
    let shown = 0;
    for (const row of rows) {
      const keep = wanted === "" || rowText(row).includes(wanted);
      row.hidden = !keep;
      if (keep) shown += 1;
    }
    count.textContent = rowsShown
      .replace("{shown}", counts.format(shown))
      .replace("{total}", counts.format(rows.length));
  }

  for (const block of document.querySelectorAll(".table-block")) {
    const table = block.querySelector("table.data");
    const tools = block.querySelector(".table-tools");
    if (!table || !table.tHead || table.tBodies.length === 0) continue;
    for (const header of table.tHead.rows[0].cells) {
      header.addEventListener("click", () => sortBy(table, header));
    }
    if (tools) {
      const input = tools.querySelector("input");
      const count = tools.querySelector(".row-count");
      input.addEventListener("input", () => filter(table, input, count));
      filter(table, input, count);
      // The box is shown only where the script runs to make it work.
      tools.hidden = false;
    }
  }
})();
