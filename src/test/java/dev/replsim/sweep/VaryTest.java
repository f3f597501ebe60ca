package dev.replsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VaryTest {

  @Test
  void aListIsSplitAtCommasAndTrimmed() {
    Vary v = Vary.parse("cluster.replication.mode=async, sync ,semi-sync");
    assertEquals("cluster.replication.mode", v.key());
    assertEquals(List.of("async", "sync", "semi-sync"), v.values());
  }

  @Test
  void commasInsideBracesBracketsAndQuotesBelongToTheValue() {
    assertEquals(List.of("{min=150ms,max=300ms}", "{min=12ms,max=24ms}"),
        Vary.parse("failover.timeout={min=150ms,max=300ms},{min=12ms,max=24ms}").values());
    assertEquals(List.of("[{from=leader, to=follower-2, delay={distribution=constant, value=120ms}}]", "[]"),
        Vary.parse("network.links=[{from=leader, to=follower-2, delay={distribution=constant, value=120ms}}],[]")
            .values());
    assertEquals(List.of("\"a,b\"", "\"c\\\",d\""), Vary.parse("simulation.name=\"a,b\",\"c\\\",d\"").values());
  }

  @Test
  void aRangeIsCountEvenlySpacedValuesInTheEndsUnitBothIncluded() {
    assertEquals(List.of("10ms", "20ms", "30ms", "40ms", "50ms", "60ms", "70ms", "80ms", "90ms", "100ms"),
        Vary.parse("network.delay.value=10ms..100ms/10").values());
    assertEquals(List.of("0", "0.025", "0.05", "0.075", "0.1"), Vary.parse("network.loss=0..0.1/5").values());
    assertEquals(List.of("100", "550", "1000"), Vary.parse("workload.write-rate=100..1000/3").values());
    assertEquals(List.of("1Mbit/s", "5.5Mbit/s", "10Mbit/s"),
        Vary.parse("network.bandwidth=1Mbit/s..10Mbit/s/3").values());
    assertEquals(List.of("5ms", "10ms", "15ms", "20ms", "40ms"),
        Vary.parse("network.delay.value=5ms..15ms/3,20ms,40ms").values(), "ranges and single values mix");
  }

  @Test
  void badSyntaxIsRefusedWithAMessageThatSaysWhatToWrite() {
    assertMessage("'mode' is not KEY=VALUES; e.g. --vary cluster.replication.mode=async,sync", "mode");
    assertMessage("'=async' is not KEY=VALUES", "=async");
    assertMessage("'cluster.replication.mode=' gives cluster.replication.mode no values", "cluster.replication.mode=");
    assertMessage("has an empty value (two commas in a row, or one at an end)", "cluster.replication.mode=async,,sync");
    assertMessage("has an empty value", "cluster.replication.mode=async,");
    assertMessage("leaves a brace or bracket open", "failover.timeout={min=1ms,max=2ms");
    assertMessage("closes a '}' it never opened", "failover.timeout=min=1ms}");
    assertMessage("leaves a quote open", "simulation.name=\"a,b");
    assertMessage("gives cluster.replication.mode the value sync twice", "cluster.replication.mode=sync,async,sync");
  }

  @Test
  void badRangesAreRefused() {
    assertMessage("range '10ms..100ms' has no count: write FROM..TO/COUNT", "network.delay.value=10ms..100ms");
    assertMessage("range '10ms..100ms/0' asks for 0 values; a range takes 2 to 10000",
        "network.delay.value=10ms..100ms/0");
    assertMessage("asks for 1 values", "network.delay.value=10ms..100ms/1");
    assertMessage("the part after / is how many values, a whole number, not 10ms",
        "network.delay.value=10ms..100ms/10ms");
    assertMessage("range 'async..sync/2' is not between two numbers", "cluster.replication.mode=async..sync/2");
    assertMessage("both ends need the same unit, not 'ms' and 's'", "network.delay.value=10ms..1s/3");
  }

  private static void assertMessage(String expected, String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vary.parse(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
