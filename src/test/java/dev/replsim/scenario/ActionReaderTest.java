package dev.replsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.replsim.fault.Fault;
import dev.replsim.fault.ScheduledFault;
import dev.replsim.fault.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An action given now is read as the scenario's faults are, with the same messages, naming its origin. */
class ActionReaderTest {

  private final Scenario scenario = ScenarioLoader.defaults();

  @Test
  void aGoodActionIsTheFaultTheScenarioWouldSchedule() {
    ScheduledFault f = ActionReader.read("{\"action\":\"crash\",\"node\":\"leader\",\"duration\":\"2s\"}", "d1",
        scenario);
    assertEquals(new ScheduledFault("d1", 0, new Fault.Crash(Target.parse("leader")), 2_000_000), f);
    assertEquals(new Fault.Partition(List.of(Target.node("follower-1"), Target.REST), false),
        ActionReader.read("{\"action\":\"partition\",\"isolate\":\"follower-1\"}", "d2", scenario).fault());
  }

  @Test
  void badActionsSayWhatIsWrongAndWhereTheyCameFrom() {
    assertEquals(true, message("{\"action\":\"crash\",\"node\":\"follower-9\"}").startsWith(
        "dashboard action: node = follower-9 is not a node or a selector: must be leader, follower-1,"));
    assertEquals(true, message("{\"action\":\"slow\",\"node\":\"follower-1\",\"apply-time\":\"3ms\"}")
        .startsWith("dashboard action: apply-time = 3ms is not a distribution: write e.g. { distribution ="));
    assertEquals("dashboard action: at is not allowed: an action acts now, when it arrives",
        message("{\"action\":\"crash\",\"node\":\"leader\",\"at\":\"1s\"}"));
    assertEquals("dashboard action: name is not allowed: actions are named d1, d2, ... as they come",
        message("{\"action\":\"crash\",\"node\":\"leader\",\"name\":\"x\"}"));
    assertEquals(true, message("{\"action\":\"explode\"}").startsWith(
        "dashboard action: action = explode is not a fault action: must be "), message("{\"action\":\"explode\"}"));
    assertEquals(true, message("{\"action\":\"switchover\"}").contains("needs failover: set failover.strategy"),
        message("{\"action\":\"switchover\"}"));
    assertEquals(true, message("crash").startsWith("dashboard action: not a JSON object"), message("crash"));
  }

  private String message(String json) {
    return assertThrows(ScenarioException.class, () -> ActionReader.read(json, "d1", scenario)).getMessage();
  }
}
