package dev.replsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableHardStateTest {

  @TempDir
  Path dir;

  @Test
  void aVoteOutlivesTheStoreThatKeptIt() {
    new DurableHardState(dir).save("follower-1", 3, "follower-2");
    assertEquals(new HardState.Vote(3, "follower-2"), new DurableHardState(dir).of("follower-1", "leader"));
  }

  @Test
  void beforeAnyVoteANodeFollowsTheConfiguredLeaderInTermOne() {
    assertEquals(HardState.Vote.initial("leader"), new DurableHardState(dir).of("follower-1", "leader"));
  }

  @Test
  void aVoteInAnEarlierTermNeverReplacesALaterOne() {
    DurableHardState votes = new DurableHardState(dir);
    votes.save("follower-1", 5, "follower-2");
    votes.save("follower-1", 4, "follower-3");
    assertEquals(new HardState.Vote(5, "follower-2"), new DurableHardState(dir).of("follower-1", "leader"));
  }

  @Test
  void theFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
    DurableHardState votes = new DurableHardState(dir);
    votes.save("follower-1", 2, "follower-1");
    votes.save("follower-1", 3, "follower-2");
    assertEquals("3 follower-2\n", Files.readString(dir.resolve("follower-1/hardstate")));
    assertFalse(Files.exists(dir.resolve("follower-1/hardstate.tmp")));
  }

  @Test
  void eachNodeKeepsItsOwn() {
    DurableHardState votes = new DurableHardState(dir);
    votes.save("follower-1", 2, "follower-1");
    votes.save("follower-2", 2, "follower-1");
    votes.save("follower-2", 3, "follower-2");
    DurableHardState reopened = new DurableHardState(dir);
    assertEquals(new HardState.Vote(2, "follower-1"), reopened.of("follower-1", "leader"));
    assertEquals(new HardState.Vote(3, "follower-2"), reopened.of("follower-2", "leader"));
  }

  @Test
  void aDamagedFileIsNamedNotTakenForNoVote() throws IOException {
    Files.createDirectories(dir.resolve("follower-1"));
    Files.writeString(dir.resolve("follower-1/hardstate"), "garbage");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new DurableHardState(dir).of("follower-1", "leader"));
    assertEquals(true, e.getMessage().contains("follower-1/hardstate"));
  }
}
