package dev.replsim.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs of a sweep: the cross product of every {@code --vary}'s values, the first {@code --vary}
 * outermost, each repeated over {@code seeds} seeds ({@code baseSeed}, {@code baseSeed + 1}, ...),
 * in that order: the order of {@code sweep.csv}'s rows, whatever order the runs finish in.
 *
 * <p>A run's id is {@code KEY-VALUE} for each varied key, then {@code seed-N}, joined by
 * {@code _}: {@code network.delay.value-10ms_cluster.replication.mode-sync_seed-45}. Characters
 * other than letters, digits, {@code .} and {@code -} become {@code -}, a value is cut at 40
 * characters, and values of one key that would read the same are numbered ({@code -1}, {@code -2}),
 * so ids are distinct, deterministic and safe as directory names everywhere.
 */
public final class SweepPlan {

  static final int MAX_LABEL = 40;

  private final List<Vary> varies;
  private final int seeds;
  private final long baseSeed;

  /**
   * @throws IllegalArgumentException when a key is varied twice or {@code seeds} is below 1
   */
  public SweepPlan(List<Vary> varies, int seeds, long baseSeed) {
    Set<String> keys = new HashSet<>();
    for (Vary v : varies) {
      if (!keys.add(v.key())) {
        throw new IllegalArgumentException("--vary " + v.key() + " is given twice; give all its values in one --vary");
      }
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds " + seeds + ": a sweep runs each combination on at least 1 seed");
    }
    this.varies = List.copyOf(varies);
    this.seeds = seeds;
    this.baseSeed = baseSeed;
  }

  public List<Vary> varies() {
    return varies;
  }

  /** The varied keys, in the order given: {@code sweep.csv}'s columns after the run id. */
  public List<String> keys() {
    return varies.stream().map(Vary::key).toList();
  }

  /** Every run, in cross-product order, seeds innermost. */
  public List<SweepRun> runs() {
    List<List<String>> labels = new ArrayList<>();
    for (Vary v : varies) {
      labels.add(labels(v.values()));
    }
    List<SweepRun> runs = new ArrayList<>();
    int[] at = new int[varies.size()];
    while (true) {
      List<String> values = new ArrayList<>();
      StringBuilder id = new StringBuilder();
      for (int k = 0; k < varies.size(); k++) {
        values.add(varies.get(k).values().get(at[k]));
        id.append(safe(varies.get(k).key())).append('-').append(labels.get(k).get(at[k])).append('_');
      }
      for (int s = 0; s < seeds; s++) {
        runs.add(new SweepRun(id + "seed-" + (baseSeed + s), values, baseSeed + s));
      }
      int k = varies.size() - 1;
      while (k >= 0 && ++at[k] == varies.get(k).values().size()) {
        at[k--] = 0;
      }
      if (k < 0) {
        return runs;
      }
    }
  }

  /** How many runs the sweep makes. */
  public int size() {
    int n = seeds;
    for (Vary v : varies) {
      n *= v.values().size();
    }
    return n;
  }

  /** Each value as a piece of a directory name, numbered when two would read the same. */
  static List<String> labels(List<String> values) {
    List<String> labels = values.stream().map(v -> {
      String s = safe(v);
      return s.length() > MAX_LABEL ? s.substring(0, MAX_LABEL) : s;
    }).toList();
    if (new HashSet<>(labels).size() == labels.size()) {
      return labels;
    }
    List<String> numbered = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      numbered.add(labels.get(i) + "-" + (i + 1));
    }
    return numbered;
  }

  private static String safe(String text) {
    String s = text.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    return s.isEmpty() || s.chars().allMatch(c -> c == '.') ? "v" : s;
  }
}
