package dev.replsim.report;

import java.awt.Color;

/** One line of a chart: a named series in a colour, solid or dashed. */
public record Line(String name, Series series, Color color, boolean dashed) {

  public static Line solid(String name, Series series, Color color) {
    return new Line(name, series, color, false);
  }

  public static Line dashed(String name, Series series, Color color) {
    return new Line(name, series, color, true);
  }
}
