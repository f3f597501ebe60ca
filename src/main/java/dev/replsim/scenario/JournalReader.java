package dev.replsim.scenario;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Reads {@code cluster.persistence}: {@code memory}, {@code h2}, or the JDBC URL of a database
 * the journals share (PostgreSQL, or an H2 URL). A URL is tried at once, so that a database that
 * cannot be reached is reported as bad input before the run starts, not as a failed run.
 */
final class JournalReader {

  private static final String KEY = "cluster.persistence";
  private static final String ALLOWED = "must be memory, h2, or a JDBC URL such as "
      + "\"jdbc:postgresql://localhost:5432/replsim?user=replsim&password=secret\"";
  private static final int LOGIN_TIMEOUT_SECONDS = 5;

  private JournalReader() {}

  static String persistence(Fields f) {
    String persistence = f.string(KEY, ALLOWED);
    if (persistence.equals("memory") || persistence.equals("h2")) {
      return persistence;
    }
    if (!persistence.startsWith("jdbc:postgresql:") && !persistence.startsWith("jdbc:h2:")) {
      throw f.bad(KEY, "is not a journal kind: " + ALLOWED + " (PostgreSQL and H2 URLs are supported)");
    }
    DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
    try (Connection c = DriverManager.getConnection(persistence)) {
      return persistence;
    } catch (SQLException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw f.bad(KEY, "cannot be reached (" + why + "): " + ALLOWED
          + ", naming a database that is running and accepts the given user");
    }
  }
}
