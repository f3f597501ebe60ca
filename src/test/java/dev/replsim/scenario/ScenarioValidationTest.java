package dev.replsim.scenario;

import static dev.replsim.scenario.ScenarioFiles.error;
import static dev.replsim.scenario.ScenarioFiles.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every validation rule, as the message a user sees: the file and line, the key, the bad value and
 * what is allowed. Each case writes its setting on line 2 of a file.
 */
class ScenarioValidationTest {

  @TempDir Path dir;
  ScenarioFiles files;

  @BeforeEach
  void setUp() {
    files = new ScenarioFiles(dir);
  }

  /** Loads a file whose line 2 is {@code setting} and returns the message after "file:2: ". */
  private String errorOnLine2(String setting) {
    Path file = files.write("s.conf", "# line 1", setting);
    String message = error(file);
    String prefix = file + ":2: ";
    if (!message.startsWith(prefix)) {
      throw new AssertionError("expected the error on " + prefix + "but got: " + message);
    }
    return message.substring(prefix.length());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
simulation.name = ""                  | simulation.name = "" is empty: give the run a name of letters, digits, '.', '_' and '-'
simulation.name = "my run"            | simulation.name = "my run" is not a valid name: it becomes a directory name, so use only letters, digits, '.', '_' and '-'
simulation.name = ".."                | simulation.name = ".." is not a valid name: it becomes a directory name, so use only letters, digits, '.', '_' and '-'
simulation.seed = 1.5                 | simulation.seed = 1.5 is not a whole number: must be a 64-bit whole number
simulation.seed = 9223372036854775808 | simulation.seed = "9223372036854775808" is out of range: must be a 64-bit whole number
simulation.duration = 0s              | simulation.duration = 0s is out of range: must be greater than 0 and at most 24h
simulation.duration = 25h             | simulation.duration = 25h is out of range: must be greater than 0 and at most 24h
simulation.duration = 20              | simulation.duration = 20 has no unit: write 20ms or 20s (units: ns, us, ms, s, m, h, d)
simulation.duration = "20"            | simulation.duration = "20" has no unit: write 20ms or 20s (units: ns, us, ms, s, m, h, d)
simulation.duration = 20 parsecs      | simulation.duration = "20 parsecs" is not a duration: write a number and a unit, e.g. 250ms or 5s (units: ns, us, ms, s, m, h, d)
simulation.sample-interval = 500us    | simulation.sample-interval = 500us is out of range: must be between 1ms and simulation.duration = 20s
simulation.sample-interval = 21s      | simulation.sample-interval = 21s is out of range: must be between 1ms and simulation.duration = 20s
simulation.duration = 50ms            | simulation.duration = 50ms is shorter than simulation.sample-interval = 100ms (the default): set a sample-interval between 1ms and the duration
simulation.drain-timeout = -1s        | simulation.drain-timeout = -1s is out of range: must be a duration of 0 or more, e.g. 5s
simulation.sample-interval = often    | simulation.sample-interval = often is neither auto nor a duration: write auto, or a duration between 1ms and simulation.duration such as 100ms
simulation.warm-up = soon             | simulation.warm-up = soon is neither auto nor a duration: write auto, or a duration of at most 1m such as 5s (0s for none)
simulation.warm-up = 2m               | simulation.warm-up = 2m is out of range: must be auto, or a duration of at most 1m (0s for none)
simulation.warm-up = -1s              | simulation.warm-up = -1s is out of range: must be auto, or a duration of at most 1m (0s for none)
simulation.warm-up = 5                | simulation.warm-up = 5 has no unit: write 5ms or 5s (units: ns, us, ms, s, m, h, d)
cluster.followers = 65                | cluster.followers = 65 is out of range: must be 0..64 (up to 10000 in virtual time)
cluster.followers = -1                | cluster.followers = -1 is out of range: must be 0..64 (up to 10000 in virtual time)
cluster.followers = three             | cluster.followers = "three" is not a whole number: must be 0..64 (up to 10000 in virtual time)
cluster.names = [a, b]                | cluster.names has 2 names, but cluster.followers = 3 needs 4: the leader first, then one name per follower
cluster.names = [a, B, c, d]          | cluster.names[1] = "B" is not a valid node name: it must start with a lower-case letter and hold only a-z, 0-9 and -
cluster.names = [a, b, c, b]          | cluster.names[3] = "b" repeats cluster.names[1]: node names must be unique
cluster.names = [a, b, c, majority]   | cluster.names[3] = "majority" is reserved: fault targets use it to pick a node by role (current-leader, random-follower, minority and majority)
cluster.names = a                     | cluster.names = "a" is not a list: must be an empty list or 4 names, the leader first
cluster.replication { mode = semi-sync, acks = 4 } | cluster.replication.acks = 4 is out of range: with 3 followers, semi-sync acks must be 1..3
cluster.replication.acks = 0          | cluster.replication.acks = 0 is out of range: must be at least 1
cluster.replication { mode = semi-sync, acks = 3, standbys = [follower-1, follower-2] } | cluster.replication.acks = 3 is out of range: with 2 standbys in cluster.replication.standbys, semi-sync acks must be 1..2
cluster.replication.standbys = [follower-9] | cluster.replication.standbys[0] = "follower-9" is not a follower: must be one of follower-1, follower-2 and follower-3; did you mean follower-1?
cluster.replication.standbys = [leader] | cluster.replication.standbys[0] = "leader" is the leader: standbys are followers (follower-1, follower-2 and follower-3)
cluster.replication.standbys = [follower-2, follower-2] | cluster.replication.standbys[1] = "follower-2" repeats cluster.replication.standbys[0]: name each standby once
cluster.replication.standbys = follower-1 | cluster.replication.standbys = "follower-1" is not a list: must be a list of followers in priority order, e.g. [follower-1, follower-2, follower-3]
cluster.storage.version = 3           | cluster.storage.version = 3 is not a page format version: must be 1 or 2
cluster.storage.node-versions = { follower-9 = 2 } | cluster.storage.node-versions.follower-9 = 2 names no node: the nodes are leader, follower-1, follower-2 and follower-3; did you mean follower-1?
cluster.storage.node-versions = { follower-2 = 0 } | cluster.storage.node-versions.follower-2 = 0 is not a page format version: must be 1 or 2
cluster.storage.node-versions = 2     | cluster.storage.node-versions = 2 is not an object: write node-versions = { follower-2 = 2 }
cluster.storage.checkpoint-interval = 0ms | cluster.storage.checkpoint-interval = 0ms is out of range: must be at least 1ms, e.g. 5s
workload.statements { set = 0.5, incr = 0.2 } | workload.statements adds up to 0.7, not 1: set 0.5 + incr 0.2; the shares of set, incr, delete, update-prefix, set-now, set-rand and set-uuid must add up to 1
workload.statements.set-now = 0.5     | workload.statements adds up to 1.5, not 1: set 1 (the default) + set-now 0.5; the shares of set, incr, delete, update-prefix, set-now, set-rand and set-uuid must add up to 1
workload.statements.incr = -0.5       | workload.statements.incr = -0.5 is out of range: must be a share from 0 to 1, e.g. 0.25
variants = 5                          | variants = 5 is not a list: write variants = [ { name = wal, set { "cluster.replication.method" = wal } } ]
variants = [ 5 ]                      | variants[0] = 5 is not a variant: write { name = wal, set { "cluster.replication.method" = wal } }
variants = [ { name = a } ]           | variants[0] has no set: it needs an object of the keys it changes, e.g. { name = wal, set { "cluster.replication.method" = wal } }
variants = [ { name = a, set = 1 } ]  | variants[0].set = 1 is not an object of the keys it changes, e.g. { name = wal, set { "cluster.replication.method" = wal } }
variants = [ { set {} } ]             | variants[0] has no name: it must be a name of letters, digits, '.', '_' and '-' (it names the variant's output directory)
variants = [ { name = "a b", set {} } ] | variants[0].name = "a b" is not a valid name: it must be a name of letters, digits, '.', '_' and '-' (it names the variant's output directory)
variants = [ { name = a, set {} }, { name = a, set {} } ] | variants[1].name = a repeats variants[0].name: each variant needs its own name, which names its output directory
variants = [ { name = a, sett {} } ]  | unknown key variants[0].sett; did you mean variants[0].set?
variants = [ { name = a, set { variants = [] } } ] | variants[0].set sets variants: a variant cannot have variants of its own
variants = [ { name = a, set { cluster.replication.methd = wal } } ] | unknown key cluster.replication.methd; did you mean cluster.replication.method?
variants = [ { name = a, set { "cluster.replication.method" = bogus } } ] | cluster.replication.method = bogus is not a replication method: must be statement, wal, logical or mixed
variants = [ { name = a, set { "cluster.replication.acks" = 4, "cluster.replication.mode" = semi-sync } } ] | cluster.replication.acks = 4 is out of range: with 3 followers, semi-sync acks must be 1..3
cluster { followers = 0, replication.mode = semi-sync } | cluster.replication.mode = semi-sync needs at least one follower to ack, but cluster.followers = 0
cluster.replication.timeout = 0ms     | cluster.replication.timeout = 0ms is out of range: must be a duration greater than 0, e.g. 1s
cluster.replication.max-batch = 0     | cluster.replication.max-batch = 0 is out of range: must be 1..10000
cluster.replication.max-batch = 10001 | cluster.replication.max-batch = 10001 is out of range: must be 1..10000
cluster.replication.max-in-flight = 99 | cluster.replication.max-in-flight = 99 is out of range: must be at least cluster.replication.max-batch = 100, so a full batch can be in flight
cluster.persistence = disk            | cluster.persistence = disk is not a journal kind: must be memory, h2, or a JDBC URL such as "jdbc:postgresql://localhost:5432/replsim?user=replsim&password=secret" (PostgreSQL and H2 URLs are supported)
cluster { snapshot-interval = 1000, log-retention = 500 } | cluster.log-retention = 500 is out of range: must be at least cluster.snapshot-interval (1000), so that a follower that restarts from its last snapshot finds the entries after it in the leader's log
cluster.snapshot-interval = 0         | cluster.snapshot-interval = 0 is out of range: must be at least 1 (entries)
cluster.journal-write-time.value = -1ms | cluster.journal-write-time.value = -1ms is out of range: must be a duration of 0 or more, e.g. 20ms
cluster.journal-write-time = 5ms      | cluster.journal-write-time = 5ms is not a distribution: write e.g. { distribution = constant, value = 40ms } or { distribution = uniform, min = 20ms, max = 40ms } (the distributions are constant, uniform, normal, exponential, log-normal, pareto and empirical)
cluster.journal-write-time { distribution = weibull, shape = 2 } | cluster.journal-write-time.distribution = weibull is not a distribution: must be constant, uniform, normal, exponential, log-normal, pareto or empirical
workload.clients = 0                  | workload.clients = 0 is out of range: must be 1..10000
workload.clients = 10001              | workload.clients = 10001 is out of range: must be 1..10000
workload.clients = "four"             | workload.clients = "four" is not a whole number: must be 1..10000
workload.clients = 2.5                | workload.clients = 2.5 is not a whole number: must be 1..10000
workload.write-rate = 0               | workload.write-rate = 0 is out of range: must be a number of writes per second greater than 0, or unlimited
workload.write-rate = fast            | workload.write-rate = "fast" is not a number: must be a number of writes per second greater than 0, or unlimited
workload.keys = 0                     | workload.keys = 0 is out of range: must be at least 1
workload.zipf-exponent = 0            | workload.zipf-exponent = 0 is out of range: must be a number greater than 0, e.g. 0.99
workload.value-size = -1              | workload.value-size = -1 is out of range: must be 0..1048576
workload.value-size = 1048577         | workload.value-size = 1048577 is out of range: must be 0..1048576
workload.max-outstanding = 0          | workload.max-outstanding = 0 is out of range: must be at least 1
workload.read-rate = -1               | workload.read-rate = -1 is out of range: must be a number of reads per second from 0 (none) to 1000000
workload.read-rate = often            | workload.read-rate = "often" is not a number: must be a number of reads per second from 0 (none) to 1000000
workload.session-timeout = -1s        | workload.session-timeout = -1s is out of range: must be a duration of 0 (go to the leader at once) or more, e.g. 1s
workload.read-after-write.delay = 5   | workload.read-after-write.delay = 5 has no unit: write 5ms or 5s (units: ns, us, ms, s, m, h, d)
workload.read-after-write.enabled = 3 | workload.read-after-write.enabled = 3 is not a boolean: must be true or false
workload { read-rate = 10, statements { set = 0.9, delete = 0.1 } } | workload.read-rate = 10 needs SET statements only (workload.statements.set = 1): the checkers judge each key as a register of the values clients SET, and this mix also has delete 0.1
workload { read-after-write.enabled = true, statements { set = 0.5, incr = 0.5 } } | workload.read-after-write.enabled = true needs SET statements only (workload.statements.set = 1): the checkers judge each key as a register of the values clients SET, and this mix also has incr 0.5
cluster.followers = 0, workload.read-rate = 10 | workload.read-rate = 10 reads from followers (workload.read-from = followers, the default), but cluster.followers = 0: set workload.read-from = leader
cluster.followers = 0, workload { read-rate = 10, read-from = nearest } | workload.read-from = nearest needs at least one follower, but cluster.followers = 0: read from the leader (read-from = leader)
check.linearizable = true, workload.write-rate = 1000 | check.linearizable = true: the linearizability check takes on up to 10,000 operations, and this run would make about 20,000 (1,000 writes/s for 20s): shorten simulation.duration (--duration) or lower the rates
check.linearizable = true, workload { read-rate = 300, read-after-write.enabled = true } | check.linearizable = true: the linearizability check takes on up to 10,000 operations, and this run would make about 14,000 (200 writes/s with as many probes and 300 reads/s for 20s): shorten simulation.duration (--duration) or lower the rates
check.linearizable = true, workload.write-rate = unlimited | check.linearizable = true needs a set workload.write-rate: unlimited writes would make far more than the 10,000 operations the check takes on
check.linearizable = true, workload.statements { set = 0.9, set-now = 0.1 } | check.linearizable = true needs SET statements only (workload.statements.set = 1): the checkers judge each key as a register of the values clients SET, and this mix also has set-now 0.1
check.anomalies = maybe               | check.anomalies = "maybe" is not a boolean: must be true or false
failover.heartbeat-interval = 500us   | failover.heartbeat-interval = 500us is out of range: must be at least 1ms, e.g. 50ms, or auto
output.dir = [a]                      | output.dir = ["a"] is not a string: must be a directory path, or "" for results/<name>-<timestamp>
report.sequence-window = 0s           | report.sequence-window = 0s is out of range: must be between 1ms and 1m, e.g. 2s
report.sequence-window = 2m           | report.sequence-window = 2m is out of range: must be between 1ms and 1m, e.g. 2s
simulation.seed = null                | simulation.seed = null is not set: it must be a 64-bit whole number
cluster.replication = async           | cluster.replication = async is not a section: write cluster.replication { ... } with its keys
""")
  void valueOutsideItsRuleIsReportedWithKeyValueAndWhatIsAllowed(String setting, String expected) {
    assertEquals(expected, errorOnLine2(setting));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
cluster.replication.mode = semisync   | cluster.replication.mode = semisync is not a commit mode: must be async, sync or semi-sync; did you mean semi-sync?
cluster.replication.mode = SEMI_SYNC  | cluster.replication.mode = SEMI_SYNC is not a commit mode: must be async, sync or semi-sync; did you mean semi-sync?
cluster.replication.mode = quorum     | cluster.replication.mode = quorum is not a commit mode: must be async, sync or semi-sync
cluster.replication.ack-level = flushed | cluster.replication.ack-level = flushed is not an ack level: must be received, durable or applied
cluster.replication.method = binlog   | cluster.replication.method = binlog is not a replication method: must be statement, wal, logical or mixed
cluster.replication.method = logicl   | cluster.replication.method = logicl is not a replication method: must be statement, wal, logical or mixed; did you mean logical?
cluster.replication.quorum = all      | cluster.replication.quorum = all is not a quorum: must be any or first
cluster.replication.wait-point = after-flush | cluster.replication.wait-point = after-flush is not a wait point: must be after-sync or after-commit
cluster.replication.row-image = noblob | cluster.replication.row-image = noblob is not a row image: must be minimal or full
workload.arrival = bursty             | workload.arrival = bursty is not an arrival process: must be constant or poisson
simulation.time = simulated          | simulation.time = simulated is not a time mode: must be live or virtual
simulation.time = virtal              | simulation.time = virtal is not a time mode: must be live or virtual; did you mean virtual?
workload.read-from = follower         | workload.read-from = follower is not a place to read from: must be leader, followers or nearest; did you mean followers?
workload.follower-choice = roundrobin | workload.follower-choice = roundrobin is not a follower choice: must be random, round-robin or sticky; did you mean round-robin?
workload.session-guarantee = causal   | workload.session-guarantee = causal is not a session guarantee: must be none, read-your-writes, monotonic-reads or consistent-prefix
workload.key-distribution = zipfan    | workload.key-distribution = zipfan is not a key distribution: must be uniform or zipfian; did you mean zipfian?
cluster.replication.mode = 3          | cluster.replication.mode = 3 is not a commit mode: must be async, sync or semi-sync
""")
  void badEnumValueListsTheAllowedValues(String setting, String expected) {
    assertEquals(expected, errorOnLine2(setting));
  }

  @Test
  void enumValuesAreReadInKebabCase() {
    Path file =
        files.write(
            "s.conf",
            "cluster.replication { mode = semi-sync, ack-level = received, method = logical }",
            "workload { arrival = constant, key-distribution = zipfian }");

    Scenario s = ScenarioLoader.load(file);

    assertEquals(dev.replsim.protocol.CommitMode.SEMI_SYNC, s.cluster().replication().mode());
    assertEquals(dev.replsim.protocol.AckLevel.RECEIVED, s.cluster().replication().ackLevel());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
workload { write-rat = 5 }            | unknown key workload.write-rat; did you mean workload.write-rate?
simulaton.seed = 3                    | unknown key simulaton; did you mean simulation?
cluster.replication.ackLevel = durable | unknown key cluster.replication.ackLevel; did you mean cluster.replication.ack-level?
cluster.mode = sync                   | unknown key cluster.mode; did you mean cluster.replication.mode?
network.followers = 2                 | unknown key network.followers; did you mean cluster.followers?
network.delay.vlaue = 2ms             | unknown key network.delay.vlaue; did you mean network.delay.value?
network.links = [ { from = leader, to = follower-1, dealy = 1ms } ] | unknown key network.links[0].dealy; did you mean network.links[0].delay?
workload.colour = blue                | unknown key workload.colour; workload takes clients, write-rate, arrival, keys, key-distribution, zipf-exponent, value-size, max-outstanding, write-timeout, statements, read-rate, read-from, follower-choice, read-after-write, session-guarantee and session-timeout
helper = 5                            | unknown key helper; the sections are simulation, cluster, network, workload, faults, nemesis, failover, output, report, check and variants
workload.statements.sett = 1          | unknown key workload.statements.sett; did you mean workload.statements.set?
faults = [ { at = 10s, action = crash, nod = leader } ] | unknown key faults[0].nod for a crash fault; did you mean faults[0].node?
network.region-links = [ { from = a, to = b, one_way = true } ] | unknown key network.region-links[0].one_way; did you mean network.region-links[0].one-way?
network.links = [ { from = leader, to = follower-1, los = 0.1 } ] | unknown key network.links[0].los; did you mean network.links[0].loss?
network.delay.jiter = 2ms             | unknown key network.delay.jiter; did you mean network.delay.jitter?
simulation.seed.low = 1               | unknown key simulation.seed.low; simulation.seed is a single value, not a section
""")
  void unknownKeyIsReportedWithFileLineAndSuggestion(String setting, String expected) {
    assertEquals(expected, errorOnLine2(setting));
  }

  @Test
  void unknownKeyInAnOverrideNamesTheOverride() {
    Path file = files.write("s.conf", "");

    assertEquals(
        "--set workload.write-rat=5: unknown key workload.write-rat; did you mean"
            + " workload.write-rate?",
        error(file, set("workload.write-rat=5")));
  }

  @Test
  void unknownKeyInAnIncludedFileNamesThatFile() {
    Path base = files.write("base.conf", "workload {", "  clientz = 3", "}");
    Path file = files.write("s.conf", "include \"base.conf\"");

    assertEquals(
        base + ":2: unknown key workload.clientz; did you mean workload.clients?", error(file));
  }

  @Test
  void firstUnknownKeyInTheFileIsReported() {
    Path file = files.write("s.conf", "workload.b-typo = 1", "workload.a-typo = 1");

    assertEquals(
        file
            + ":1: unknown key workload.b-typo; workload takes clients, write-rate, arrival, keys,"
            + " key-distribution, zipf-exponent, value-size, max-outstanding, write-timeout, statements, read-rate, read-from, follower-choice, read-after-write, session-guarantee and session-timeout",
        error(file));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      textBlock =
          """
network.links = [ { from = leader, to = follower-9 } ]  | network.links[0].to = follower-9 is not a node: it must be one of the nodes: leader, follower-1, follower-2, follower-3
network.links = [ { from = primary, to = follower-1 } ] | network.links[0].from = primary is not a node: it must be one of the nodes: leader, follower-1, follower-2, follower-3
network.links = [ { from = leader, to = leader } ]      | network.links[0].to = leader is also the link's from: a link joins two different nodes
network.links = [ { from = leader, to = follower-1 }, { from = leader, to = follower-1 } ] | network.links[1] repeats the link leader -> follower-1 of network.links[0]: give each directed link once
network.links = [ { to = follower-1 } ]                 | network.links[0] has no from: it must be one of the nodes: leader, follower-1, follower-2, follower-3
network.links = [ 3 ]                                   | network.links[0] = 3 is not a link: write { from = leader, to = follower-1, delay = { distribution = constant, value = 80ms } }
network.links = { from = leader }                       | network.links = {"from":"leader"} is not a list: write links = [ { from = leader, to = follower-1, delay = { distribution = constant, value = 80ms } } ]
""")
  void badLinkIsReported(String setting, String expected) {
    assertEquals(expected, errorOnLine2(setting));
  }

  @Test
  void linkEndsAreCheckedAgainstTheScenariosOwnNodeNames() {
    Path file =
        files.write(
            "s.conf",
            "cluster { followers = 1, names = [primary, replica] }",
            "network.links = [ { from = primary, to = follower-1 } ]");

    assertEquals(
        file
            + ":2: network.links[0].to = follower-1 is not a node: it must be one of the nodes:"
            + " primary, replica",
        error(file));
  }

  @Test
  void semiSyncAcksAboveTheFollowersFromAnOverrideSaysTheMaximum() {
    Path file = files.write("s.conf", "cluster { followers = 2, replication.mode = semi-sync }");

    assertEquals(
        "--set cluster.replication.acks=3: cluster.replication.acks = 3 is out of range: with 2"
            + " followers, semi-sync acks must be 1..2",
        error(file, set("cluster.replication.acks=3")));
  }

  @Test
  void acksAboveTheFollowersAreIgnoredOutsideSemiSync() {
    Path file =
        files.write("s.conf", "cluster { followers = 1, replication { mode = sync, acks = 3 } }");

    assertEquals(3, ScenarioLoader.load(file).cluster().replication().acks());
  }
}
