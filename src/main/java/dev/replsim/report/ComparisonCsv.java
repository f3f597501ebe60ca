package dev.replsim.report;

import java.util.List;

/**
 * {@code comparison.csv}: the comparison as one header line and one line per run, loadable with
 * {@code pandas.read_csv(path)} or {@code read.csv(path)} as is. Numbers are plain decimals; a
 * cell holding a comma (a setting such as {@code network.links}) is quoted as RFC 4180 says.
 */
final class ComparisonCsv {

  private ComparisonCsv() {}

  static String of(Comparison c) {
    StringBuilder out = new StringBuilder();
    line(out, c.columns());
    c.rows().forEach(row -> line(out, row));
    return out.toString();
  }

  static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(cells.get(i)));
    }
    out.append('\n');
  }

  static String field(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
