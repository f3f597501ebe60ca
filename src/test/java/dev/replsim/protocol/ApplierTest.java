package dev.replsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.storage.KeyValueStore;
import dev.replsim.storage.RowChange;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * The applier is a single server emulated on the instants its work was due: a timer handled late
 * neither lengthens the next entry's apply nor starts an entry before it became durable.
 */
class ApplierTest {

  private final Queue<Long> costs = new ArrayDeque<>();
  private final ReplicationLog log = new ReplicationLog();
  private final Applier applier = new Applier(costs::remove, new KeyValueStore(), 0);

  /** Appends entries up to {@code lsn}, each taking {@code costMicros} to apply. */
  private void receive(long lsn, long costMicros) {
    while (log.lastLsn() < lsn) {
      log.append(Entry.of(1, log.lastLsn() + 1, new RowChange("k" + (log.lastLsn() + 1), "v", 64), 0));
      costs.add(costMicros);
    }
  }

  private static Long applyTimer(Decision d) {
    return d.timers().get(TimerKey.APPLY);
  }

  private static List<Observation.Applied> applied(Decision d) {
    return d.observations().stream().filter(Observation.Applied.class::isInstance)
        .map(Observation.Applied.class::cast).toList();
  }

  @Test
  void aLateTimerDoesNotLengthenTheNextApply() {
    receive(2, 1000);
    long firstBytes = log.get(1).sizeBytes();
    Decision first = new Decision();
    applier.applyAvailable(log, 2, 0, first);
    assertEquals(1000, applyTimer(first));

    Decision second = new Decision();
    assertTrue(applier.finishApplying(log, 2, 1000, 1300, second)); // handled 0.3 ms late

    assertEquals(2000, applyTimer(second), "entry 2 started when entry 1 was due, not when its timer was handled");
    assertEquals(List.of(new Observation.Applied(1, 1, firstBytes)), applied(second));
  }

  @Test
  void anEntryStartsNoEarlierThanItBecameDurable() {
    receive(1, 1000);
    applier.applyAvailable(log, 1, 0, new Decision());
    receive(2, 1000);
    applier.applyAvailable(log, 2, 1500, new Decision()); // durable after entry 1 was due

    Decision d = new Decision();
    applier.finishApplying(log, 2, 1000, 1700, d);

    assertEquals(2500, applyTimer(d));
  }

  @Test
  void entriesDueBeforeTheTimerWasHandledAreAppliedAtOnce() {
    receive(4, 1000);
    applier.applyAvailable(log, 4, 0, new Decision());

    Decision d = new Decision();
    applier.finishApplying(log, 4, 1000, 3500, d); // a stalled driver: entries 2 and 3 were due by now

    assertEquals(3, applier.appliedLsn());
    assertEquals(4000, applyTimer(d));
    assertEquals(1, applied(d).size());
    assertEquals(1, applied(d).get(0).fromLsn());
    assertEquals(3, applied(d).get(0).toLsn());
  }

  @Test
  void anIdleApplierStartsAnEntryWhenItBecomesDurable() {
    receive(1, 1000);
    applier.applyAvailable(log, 1, 0, new Decision());
    applier.finishApplying(log, 1, 1000, 1100, new Decision());
    receive(2, 1000);

    Decision d = new Decision();
    applier.applyAvailable(log, 2, 5000, d);

    assertEquals(6000, applyTimer(d));
  }

  @Test
  void entriesThatTakeNoTimeApplyAtOnce() {
    receive(3, 0);
    Decision d = new Decision();

    applier.applyAvailable(log, 3, 10, d);

    assertEquals(3, applier.appliedLsn());
    assertFalse(d.timers().containsKey(TimerKey.APPLY));
  }

  @Test
  void cuttingTheEntryBeingAppliedStopsItsApply() {
    receive(2, 1000);
    applier.applyAvailable(log, 2, 0, new Decision());
    log.truncateSuffix(0);

    Decision d = new Decision();
    applier.cutAfter(0, d);

    assertTrue(d.timers().containsKey(TimerKey.APPLY));
    assertNull(applyTimer(d), "the apply timer is cancelled");
    assertFalse(applier.finishApplying(log, 0, 1000, 1000, new Decision()), "its timer, if it fires, applies nothing");
  }
}
