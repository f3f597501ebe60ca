package dev.replsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.replsim.TestRuns;
import dev.replsim.check.Operation;
import dev.replsim.check.Operation.Kind;
import dev.replsim.check.Operation.Outcome;
import dev.replsim.metrics.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a run with reads: the t-visibility curve in {@code reads.csv}, the history in {@code history.csv}. */
class ReadOutputTest {

  @TempDir Path dir;

  private static RunResult withReads(List<Sample> curve, List<Operation> history) {
    RunResult r = TestRuns.result();
    return new RunResult(r.summary(), r.timeseries(), r.events(), List.of(), List.of(), curve, history);
  }

  @Test
  void theCurveAndTheHistoryAreWrittenAsTidyCsv() throws IOException {
    List<Sample> curve = List.of(new Sample(20, "follower-1", "stale_read_probability", 0.75),
        new Sample(20, "follower-1", "reads", 4));
    List<Operation> history = List.of(
        new Operation(1, "c1", Kind.WRITE, "k7", "c1-1", 0, 1_500, Outcome.OK, "leader", 1_000_000_000_003L),
        new Operation(2, "c2", Kind.READ, "k7", null, 2_000, 2_250, Outcome.OK, "follower-1", 0),
        new Operation(3, "c1", Kind.WRITE, "k,odd", "say \"hi\"", 3_000, 9_000, Outcome.UNKNOWN, "leader", 0));

    OutputWriter.write(dir, TestRuns.scenario(), withReads(curve, history));

    assertEquals(List.of("t_since_commit_ms,node,metric,value", "20,follower-1,stale_read_probability,0.75",
        "20,follower-1,reads,4"), Files.readAllLines(dir.resolve("reads.csv")));
    assertEquals(List.of("id,client,kind,key,value,invoke_ms,complete_ms,outcome,node,lsn",
        "1,c1,write,k7,c1-1,0,1.5,OK,leader,1000000000003",
        "2,c2,read,k7,,2,2.25,OK,follower-1,0",
        "3,c1,write,\"k,odd\",\"say \"\"hi\"\"\",3,9,UNKNOWN,leader,0"), Files.readAllLines(dir.resolve("history.csv")));
  }

  @Test
  void aRunWithoutReadsLeavesNoReadFilesEvenWhereAnEarlierRunWroteThem() throws IOException {
    Files.writeString(dir.resolve("reads.csv"), "from an earlier run");
    Files.writeString(dir.resolve("history.csv"), "from an earlier run");

    OutputWriter.write(dir, TestRuns.scenario(), TestRuns.result());

    assertFalse(Files.exists(dir.resolve("reads.csv")));
    assertFalse(Files.exists(dir.resolve("history.csv")));
  }
}
