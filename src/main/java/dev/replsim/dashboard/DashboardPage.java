package dev.replsim.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's page as it is served: {@code dashboard.html} with each of its
 * {@code <script src="…">} replaced by that script's text from beside it in the build, so the
 * page is one self-contained response (nothing more to fetch, no token to pass on, works offline)
 * while its markup and its scripts stay files of their own.
 */
final class DashboardPage {

  private static final String DIR = "/dev/replsim/dashboard/";
  private static final Pattern SCRIPT = Pattern.compile("<script src=\"([a-z-]+\\.js)\"></script>");

  private DashboardPage() {}

  /** The page with its scripts inlined. */
  static byte[] assemble() {
    Matcher m = SCRIPT.matcher(resource("dashboard.html"));
    StringBuilder page = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(page, Matcher.quoteReplacement("<script>\n" + resource(m.group(1)) + "</script>"));
    }
    m.appendTail(page);
    return page.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String resource(String name) {
    try (InputStream in = DashboardPage.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard's " + DIR + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
