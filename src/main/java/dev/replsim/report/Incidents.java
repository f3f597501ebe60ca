package dev.replsim.report;

import dev.replsim.metrics.RunEvent;
import dev.replsim.metrics.Summary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happened to the cluster, as the report shades and marks it: fault windows from the
 * {@code fault} and {@code heal} events of {@code events.jsonl}, and failovers from the summary's
 * {@code failovers} (or, if it lists none, from {@code role} events after t = 0 that make a node
 * leader). A run without faults or failovers has neither, and the report draws nothing for them.
 */
public final class Incidents {

  public static final String FAULT = "fault";
  public static final String HEAL = "heal";

  private final List<FaultWindow> faults;
  private final List<Marker> failovers;

  Incidents(List<FaultWindow> faults, List<Marker> failovers) {
    this.faults = List.copyOf(faults);
    this.failovers = List.copyOf(failovers);
  }

  /** The incidents of a run that wrote for {@code endMs}. */
  public static Incidents of(Summary summary, List<RunEvent> events, double endMs) {
    return new Incidents(faults(events, endMs), failovers(summary, events));
  }

  static List<FaultWindow> faults(List<RunEvent> events, double endMs) {
    Map<String, RunEvent> open = new LinkedHashMap<>();
    List<FaultWindow> windows = new ArrayList<>();
    int anonymous = 0;
    for (RunEvent e : events) {
      if (FAULT.equals(e.type())) {
        Object id = e.details().get("id");
        open.put(id == null ? "anonymous-" + anonymous++ : String.valueOf(id), e);
      } else if (HEAL.equals(e.type())) {
        RunEvent fault = open.remove(String.valueOf(e.details().get("id")));
        if (fault != null) {
          windows.add(window(fault, e.tMs(), true));
        }
      }
    }
    for (RunEvent fault : open.values()) {
      windows.add(window(fault, Math.max(endMs, fault.tMs()), false));
    }
    windows.sort((a, b) -> Double.compare(a.startMs(), b.startMs()));
    return windows;
  }

  private static FaultWindow window(RunEvent fault, double endMs, boolean healed) {
    Object action = fault.details().get("action");
    Object id = fault.details().get("id");
    Object named = fault.details().get(FAULT);
    String name = action != null ? action + (id == null ? "" : " " + id) : named != null ? named.toString() : FAULT;
    return new FaultWindow(fault.tMs(), endMs, name, nodes(fault), healed);
  }

  /** The event's {@code node}, or its {@code nodes} detail (a list), or none (the whole cluster). */
  private static List<String> nodes(RunEvent e) {
    List<String> nodes = new ArrayList<>();
    if (e.node() != null) {
      nodes.add(e.node());
    }
    Object listed = e.details().get("nodes");
    if (listed instanceof Collection) {
      for (Object n : (Collection<?>) listed) {
        if (!nodes.contains(String.valueOf(n))) {
          nodes.add(String.valueOf(n));
        }
      }
    }
    return nodes;
  }

  static List<Marker> failovers(Summary summary, List<RunEvent> events) {
    List<Marker> markers = new ArrayList<>();
    for (Summary.Failover f : summary.failovers()) {
      markers.add(new Marker(f.atMs(), String.format(Locale.ROOT, "failover: %s → %s (term %d)",
          f.oldLeader(), f.newLeader(), f.term()), f.newLeader()));
    }
    if (markers.isEmpty()) {
      for (RunEvent e : events) {
        if ("role".equals(e.type()) && e.tMs() > 0 && "leader".equals(e.details().get("role"))) {
          Object term = e.details().get("term");
          markers.add(new Marker(e.tMs(), e.node() + " leads" + (term == null ? "" : " (term " + term + ")"),
              e.node()));
        }
      }
    }
    return markers;
  }

  public List<FaultWindow> faults() {
    return faults;
  }

  public List<Marker> failovers() {
    return failovers;
  }

  public boolean isEmpty() {
    return faults.isEmpty() && failovers.isEmpty();
  }

  /** The first fault's start, if any. */
  public Double firstFaultMs() {
    return faults.isEmpty() ? null : faults.get(0).startMs();
  }
}
