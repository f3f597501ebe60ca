package dev.replsim.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything the clients of a run did, as a list of {@link Operation}s: the input of every checker
 * in this package. It is validated once (unique ids, unique values per key, unique log positions)
 * and indexed once (by key, by client, each key's {@link Versions}), so checkers share the work.
 *
 * <p>A class rather than a record because it carries those indexes beside the operations.
 */
public final class History {

  private static final Comparator<Operation> BY_INVOKE =
      Comparator.comparingLong(Operation::invokeMicros).thenComparingLong(Operation::id);

  private final List<Operation> operations;
  private final Map<String, List<Operation>> byKey = new LinkedHashMap<>();
  private final Map<String, List<Operation>> byClient = new LinkedHashMap<>();
  private final Map<String, Versions> versions = new HashMap<>();

  private History(List<Operation> operations) {
    List<Operation> sorted = new ArrayList<>(operations);
    sorted.sort(BY_INVOKE);
    this.operations = Collections.unmodifiableList(sorted);
    validate();
    for (Operation op : this.operations) {
      byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
      byClient.computeIfAbsent(op.client(), c -> new ArrayList<>()).add(op);
    }
    byKey.forEach((key, ops) -> versions.put(key, Versions.of(key, ops)));
  }

  /**
   * A history of these operations, in invoke order.
   *
   * @throws IllegalArgumentException if two operations share an id, two writes to a key share a
   *     value, or two writes share a log position
   */
  public static History of(List<Operation> operations) {
    return new History(operations);
  }

  private void validate() {
    Set<Long> ids = new HashSet<>();
    Set<String> values = new HashSet<>();
    Map<Long, Operation> positions = new HashMap<>();
    for (Operation op : operations) {
      if (!ids.add(op.id())) {
        throw new IllegalArgumentException("two operations have the id " + op.id());
      }
      if (op.isWrite() && !values.add(op.key() + '\u0000' + op.value())) {
        throw new IllegalArgumentException(
            "value " + op.value() + " is written to key " + op.key() + " twice; values must be unique");
      }
      if (op.placed()) {
        Operation other = positions.putIfAbsent(op.lsn(), op);
        if (other != null) {
          throw new IllegalArgumentException("writes " + other.id() + " and " + op.id()
              + " are both at LSN " + op.lsn() + "; log positions must be unique in a run");
        }
      }
    }
  }

  /** Every operation, in invoke order (ties by id). */
  public List<Operation> operations() {
    return operations;
  }

  public int size() {
    return operations.size();
  }

  /** The keys touched, in the order they were first invoked. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(byKey.keySet());
  }

  /** The clients (sessions), in the order of their first operation. */
  public Set<String> clients() {
    return Collections.unmodifiableSet(byClient.keySet());
  }

  /** One key's operations, in invoke order. */
  public List<Operation> onKey(String key) {
    return Collections.unmodifiableList(byKey.getOrDefault(key, List.of()));
  }

  /** One client's operations, in invoke order. */
  public List<Operation> ofClient(String client) {
    return Collections.unmodifiableList(byClient.getOrDefault(client, List.of()));
  }

  /** The reads that completed OK: the only reads that observed anything. */
  public List<Operation> okReads() {
    return select(op -> op.isRead() && op.ok());
  }

  /** The operations that satisfy a condition, in invoke order. */
  public List<Operation> select(Predicate<Operation> condition) {
    return operations.stream().filter(condition).toList();
  }

  /** The version order of a key's writes (empty for a key never touched). */
  public Versions versions(String key) {
    Versions v = versions.get(key);
    return v != null ? v : Versions.of(key, List.of());
  }

  /** The write whose value a read returned; null for a read of an absent key or of an unwritten value. */
  public Operation writeSeenBy(Operation read) {
    return versions(read.key()).writeOf(read.value());
  }
}
