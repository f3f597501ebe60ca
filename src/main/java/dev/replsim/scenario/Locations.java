package dev.replsim.scenario;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Says where a value was written, the way a user reads it: {@code simulations/x.conf:12} for a
 * file, and the option itself ({@code --set network.delay.value=abc}) for a command-line override,
 * whose "line 1" would only confuse. It also turns Typesafe Config's own exceptions into {@link
 * ScenarioException}s with that prefix and without the Java in their text.
 */
final class Locations {

  /** How errors name the defaults; the file users read is conf/replsim.conf, not a jar URL. */
  static final String DEFAULTS = "conf/replsim.conf";

  /** Typesafe's wordings of common mistakes, and what a user should read instead. */
  private static final List<String[]> REWRITES =
      List.of(
          new String[] {
            "expecting a close parentheses '\\)' here, not: end of file",
            "the file ends before a '{' or '[' is closed"
          },
          new String[] {
            "List should have had new element after a comma, instead had token: end of file",
            "the file ends before a '[' is closed"
          },
          new String[] {
            "Expecting a value but got wrong token: 'newline' \\(JSON does not allow unescaped"
                + " newline in quoted strings, use a backslash escape\\)",
            "a quoted string must end on its line (write \\\\n"
                + " for a line break, or use \"\"\" quotes)"
          },
          new String[] {
            "Expecting a value but got wrong token: '(.)' \\(Reserved character '.' is not allowed"
                + " outside quotes\\)",
            "the character '$1' is only allowed inside quotes"
          },
          new String[] {
            "Expecting a value but got wrong token: end of file", "a value is missing at the end"
          },
          new String[] {
            "Expecting a value but got wrong token: (.*)", "expected a value, found $1"
          },
          new String[] {
            "^\\s*has type \\w+ rather than object at file root",
            "a scenario holds sections (simulation { ... }), not a bare value or list"
          },
          new String[] {
            "Could not resolve substitution to a value: (.*)",
            "cannot resolve $1: no such key in the scenario or the defaults, and no such"
                + " environment variable"
          },
          new String[] {
            "need to Config#resolve\\(\\), see the API docs for Config#resolve\\(\\); ", ""
          },
          new String[] {"java\\.[\\w.$]+(Exception|Error): ", ""},
          new String[] {
            "(?:Simple)?Config(?:Object|List|String|Int|Long|Double|Number|Boolean|Null"
                + "|Concatenation|Reference|DelayedMerge(?:Object)?)\\((.*?)\\)(?=[ ,;]|$)",
            "$1"
          });

  private final Set<String> overrides;

  /**
   * @param overrides the origin descriptions given to the parsed overrides
   */
  Locations(Collection<String> overrides) {
    this.overrides = Set.copyOf(overrides);
  }

  /** {@code file:line}, {@code file} when the line is unknown, or the override as written. */
  String describe(ConfigOrigin origin) {
    if (origin == null) {
      return "";
    }
    String name = file(origin);
    if (name.startsWith("merge of ")) {
      return ""; // Typesafe's "merge of a: 1,b: 3" would only confuse; say nothing rather
    }
    if (overrides.contains(name) || origin.lineNumber() < 0) {
      return name;
    }
    return name + ":" + origin.lineNumber();
  }

  boolean isOverride(ConfigOrigin origin) {
    return origin != null && overrides.contains(file(origin));
  }

  boolean isDefault(ConfigOrigin origin) {
    return origin != null && DEFAULTS.equals(file(origin));
  }

  /** An error located at {@code origin}: {@code file:line: message}. */
  ScenarioException error(ConfigOrigin origin, String message) {
    String where = describe(origin);
    return new ScenarioException(where.isEmpty() ? message : where + ": " + message);
  }

  /** A Typesafe parse, include or substitution error as a located, readable message. */
  ScenarioException fromTypesafe(ConfigException e) {
    ConfigOrigin origin = e.origin();
    String reason = String.valueOf(e.getMessage());
    if (origin != null && reason.startsWith(origin.description() + ": ")) {
      reason = reason.substring(origin.description().length() + 2);
    }
    String where = describe(origin);
    return new ScenarioException((where.isEmpty() ? "" : where + ": ") + clean(reason), e);
  }

  /**
   * The origin to report for a value. An object merged from several layers has an origin ("merge of
   * a: 3,b: 7") with no line, so report the first of its values that has one.
   */
  static ConfigOrigin leafOrigin(ConfigValue value) {
    ConfigOrigin origin = value.origin();
    if (origin.lineNumber() >= 0) {
      return origin;
    }
    Collection<? extends ConfigValue> children =
        value instanceof ConfigObject
            ? new TreeMap<>((ConfigObject) value).values()
            : value instanceof ConfigList ? (ConfigList) value : Set.of();
    for (ConfigValue child : children) {
      ConfigOrigin found = leafOrigin(child);
      if (found.lineNumber() >= 0) {
        return found;
      }
    }
    return origin;
  }

  /** The origin's file (or override) without its line. */
  static String file(ConfigOrigin origin) {
    // description() appends ": line"; with no line it is the bare name we gave the parser
    return origin.withLineNumber(-1).description();
  }

  /**
   * Typesafe's reasons, minus what only a Java programmer could use: class names, internal value
   * types, parser jargon and the suggestion to rename the file to .properties.
   */
  static String clean(String reason) {
    String r = reason;
    // Typesafe appends advice about quoting (and .properties files); keep only the quoting part
    int hint = r.indexOf(" (if you ");
    if (hint >= 0) {
      r = r.substring(0, hint);
    }
    for (String[] rewrite : REWRITES) {
      r = r.replaceAll(rewrite[0], rewrite[1]);
    }
    if (hint >= 0 && (r.startsWith("Expecting end") || r.startsWith("the character"))) {
      r += " (if it is part of a key or value, put that in double quotes)";
    }
    return r;
  }
}
