package dev.replsim.report;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One colour per node, the same in every chart, table and diagram of a report, so a reader learns
 * once that follower-2 is green. Colours follow the node's position in the cluster (the initial
 * leader first) from Tableau's ten-colour palette, designed to stay apart for colour-blind readers;
 * past ten nodes they repeat, darker.
 */
public final class NodeColors {

  private static final int[] PALETTE = {
    0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0xb07aa1, 0x76b7b2, 0xedc948, 0xff9da7, 0x9c755f, 0xbab0ac
  };

  private final Map<String, Color> colors = new LinkedHashMap<>();
  /** As CSS, computed once: a sequence diagram asks for a colour per message. */
  private final Map<String, String> css = new LinkedHashMap<>();

  /** Colours for {@code nodes}, in order. */
  public NodeColors(List<String> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      colors.put(nodes.get(i), nth(i));
      css.put(nodes.get(i), css(nth(i)));
    }
  }

  /** The {@code i}th colour of the palette: for nodes, and for runs in a comparison. */
  public static Color nth(int i) {
    Color c = new Color(PALETTE[i % PALETTE.length]);
    for (int round = i / PALETTE.length; round > 0; round--) {
      c = c.darker();
    }
    return c;
  }

  /** The node's colour; a node not in the cluster (e.g. "network") gets a neutral grey. */
  public Color of(String node) {
    Color c = colors.get(node);
    return c == null ? Color.GRAY : c;
  }

  /** As CSS: {@code #4e79a7}. */
  public String css(String node) {
    String c = css.get(node);
    return c == null ? css(of(node)) : c;
  }

  public static String css(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
