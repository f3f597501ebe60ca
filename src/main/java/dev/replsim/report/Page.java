package dev.replsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained HTML page: its style sheet and its one small script are inlined, its charts
 * are inline SVG, and nothing is fetched from anywhere, so the page opens offline, from a USB
 * stick or an e-mail attachment, exactly as it was written.
 */
final class Page {

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private final String title;
  private final String heading;
  private final String meta;
  private final List<String[]> sections = new ArrayList<>();
  private String intro = "";
  private String footer = "";

  /**
   * @param heading the page's main heading (plain text)
   * @param meta a line of HTML under it
   */
  Page(String title, String heading, String meta) {
    this.title = title;
    this.heading = heading;
    this.meta = meta;
  }

  /** HTML between the header and the first section (headline cards). */
  Page intro(String html) {
    this.intro = html;
    return this;
  }

  /** A section with an anchor {@code id}, listed in the page's table of contents. */
  Page section(String id, String heading, String html) {
    sections.add(new String[] {id, heading, html});
    return this;
  }

  Page footer(String html) {
    this.footer = html;
    return this;
  }

  String html() {
    StringBuilder out = new StringBuilder(1 << 18);
    out.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>")
        .append("<meta name='viewport' content='width=device-width, initial-scale=1'>")
        .append("<meta name='generator' content='replsim'><title>").append(Html.esc(title)).append("</title><style>")
        .append(CSS).append("</style></head>\n<body><header><div class='wrap'><h1><span class='tool'>replsim</span>")
        .append(Html.esc(heading)).append("</h1><p class='meta'>").append(meta).append("</p></div></header>\n");
    out.append("<nav class='toc'>");
    for (String[] s : sections) {
      out.append("<a href='#").append(s[0]).append("'>").append(Html.esc(s[1])).append("</a>");
    }
    out.append("</nav>\n<main>").append(intro);
    for (String[] s : sections) {
      out.append("\n<section id='").append(s[0]).append("'><h2>").append(Html.esc(s[1])).append("</h2>")
          .append(s[2]).append("</section>");
    }
    out.append("\n</main><footer>").append(footer).append("</footer><div id='tip'></div>\n<script>").append(JS)
        .append("</script></body></html>\n");
    return out.toString();
  }

  /** A chart in a figure with its heading and caption; {@code data-chart} names it for tests. */
  static String figure(Figure f) {
    return "<figure data-chart='" + f.id() + "'><h3>" + Html.esc(f.title()) + "</h3><figcaption>"
        + Html.esc(f.caption()) + "</figcaption>" + f.svg() + "</figure>";
  }

  private static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the report's " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
