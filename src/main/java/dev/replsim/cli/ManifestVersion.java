package dev.replsim.cli;

import dev.replsim.distributed.WireVersion;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code --version} prints: the jar manifest's {@code Implementation-Version}, which the
 * build sets from the project version, or {@code dev} when running from classes (an IDE, tests).
 */
public final class ManifestVersion implements IVersionProvider {

  /** The replsim version, or {@code dev}. */
  public static String version() {
    return WireVersion.replsim();
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "replsim " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
