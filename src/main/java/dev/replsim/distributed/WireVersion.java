package dev.replsim.distributed;

/**
 * What two replsim JVMs must agree on to share a cluster: the replsim version, and the version of
 * the wire forms of the messages they exchange ({@link #WIRE}, raised whenever one changes). A JVM
 * of another version is refused at join ({@link CompatibilityCheck}), not found out mid-run by a
 * message that does not deserialize.
 */
public final class WireVersion {

  /** The wire forms' version; raise it with any change to a message that crosses JVMs. */
  public static final int WIRE = 1;

  private WireVersion() {}

  /** The wire version this JVM speaks: {@link #WIRE}, or {@code -Dreplsim.wire} (for tests of refusal only). */
  public static int wire() {
    return Integer.getInteger("replsim.wire", WIRE);
  }

  /** This JVM's replsim version ({@code dev} when run from classes). */
  public static String replsim() {
    String version = WireVersion.class.getPackage().getImplementationVersion();
    return version == null || version.isBlank() ? "dev" : version;
  }
}
