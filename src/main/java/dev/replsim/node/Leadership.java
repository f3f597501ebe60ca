package dev.replsim.node;

/**
 * Who leads a run's cluster, as its nodes say it: the scenario's first node until another wins an
 * election in a later term. Shared by the nodes of a run, whose runtimes report each election as
 * they carry it out; the drivers and the fault injector read it. It is the cluster's own state,
 * kept apart from what the recorder measures.
 */
public final class Leadership {

  private String leader;
  private long term;

  public Leadership(String initialLeader) {
    this.leader = initialLeader;
    this.term = 1;
  }

  /** {@code node} won the election of {@code term}. */
  synchronized void elected(String node, long term) {
    if (term >= this.term) {
      this.leader = node;
      this.term = term;
    }
  }

  /** The node that leads now, or led last (it may have crashed since). */
  public synchronized String leader() {
    return leader;
  }
}
