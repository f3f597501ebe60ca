package dev.replsim.protocol;

/** One message on the simulated wire, with its sender, receiver and the time it was sent. */
record Envelope(String from, String to, Message message, long sentAt) {

  /** The directed link it travels on, e.g. {@code leader->follower-1}. */
  String link() {
    return from + "->" + to;
  }
}
