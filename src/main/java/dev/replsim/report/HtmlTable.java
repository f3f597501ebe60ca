package dev.replsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table of the report's kind: a header row, then rows whose first cell names the row and
 * whose other cells are numbers (right-aligned by the style sheet). Cells are HTML: callers escape
 * text with {@link Html#esc}.
 */
final class HtmlTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private String cssClass = "";

  HtmlTable(String... header) {
    this.header = List.of(header);
  }

  HtmlTable css(String cssClass) {
    this.cssClass = cssClass;
    return this;
  }

  HtmlTable row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String html() {
    StringBuilder out = new StringBuilder("<table");
    if (!cssClass.isEmpty()) {
      out.append(" class='").append(cssClass).append('\'');
    }
    out.append("><thead><tr>");
    header.forEach(h -> out.append("<th>").append(h).append("</th>"));
    out.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      out.append("<tr>");
      row.forEach(c -> out.append("<td>").append(c).append("</td>"));
      out.append("</tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  /** A node's name with its colour swatch, as every table shows nodes. */
  static String node(String name, NodeColors colors) {
    return "<span class='swatch' style='background:" + colors.css(name) + "'></span>" + Html.esc(name);
  }
}
