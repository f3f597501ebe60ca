package dev.replsim.report;

/**
 * A chart ready for a page: its id (also its SVG element's id, and the {@code data-chart}
 * attribute that tests look for), a heading, a caption that says how to read it, and the SVG.
 */
public record Figure(String id, String title, String caption, String svg) {}
