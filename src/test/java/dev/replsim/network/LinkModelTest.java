package dev.replsim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replsim.random.Distribution;
import dev.replsim.random.SeededStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkModelTest {

  private static final Distribution JITTERY = new Distribution.Uniform(10_000, 50_000);

  private static LinkModel link(LinkProfile profile, long seed) {
    return new LinkModel("leader", "follower-1", profile, new SeededStreams(seed));
  }

  private static List<Transmission> send(LinkModel link, int messages, long gapMicros, int size) {
    List<Transmission> out = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      out.add(link.transmit(i * gapMicros, size));
    }
    return out;
  }

  @Test
  void sameSeedSameDelaysOnEveryLink() {
    LinkProfile profile = new LinkProfile(JITTERY, 0.1, 0.1, true, 0);
    assertEquals(send(link(profile, 7), 1000, 100, 100), send(link(profile, 7), 1000, 100, 100));
    assertFalse(send(link(profile, 7), 100, 100, 100).equals(send(link(profile, 8), 100, 100, 100)));
  }

  @Test
  void aBurstOnABandwidthLimitedLinkIsDeliveredSpacedBySizeOverBandwidth() {
    // 1,000 bytes at 100 kB/s take 10 ms each on the wire; ten sent at once arrive 10 ms apart
    LinkProfile profile = new LinkProfile(new Distribution.Constant(5_000), 0, 0, false, 100_000);
    List<Transmission> burst = send(link(profile, 1), 10, 0, 1000);
    for (int i = 0; i < burst.size(); i++) {
      assertEquals(5_000 + (i + 1) * 10_000L, burst.get(i).deliverAtMicros(), "message " + i);
    }
  }

  @Test
  void aFifoLinkNeverDeliversAMessageBeforeAnEarlierOne() {
    List<Transmission> sent = send(link(LinkProfile.of(JITTERY), 3), 2000, 200, 100);
    for (int i = 1; i < sent.size(); i++) {
      assertTrue(sent.get(i).deliverAtMicros() >= sent.get(i - 1).deliverAtMicros());
    }
  }

  @Test
  void aReorderingLinkLetsMessagesOvertake() {
    List<Transmission> sent = send(link(new LinkProfile(JITTERY, 0, 0, true, 0), 3), 2000, 200, 100);
    long overtaken = 0;
    for (int i = 1; i < sent.size(); i++) {
      if (sent.get(i).deliverAtMicros() < sent.get(i - 1).deliverAtMicros()) {
        overtaken++;
      }
    }
    assertTrue(overtaken > 100, "overtaken " + overtaken);
  }

  @Test
  void lossDropsAboutItsShareAndLeavesTheOtherDelaysAlone() {
    // reordering on, so that FIFO waiting behind a lost message's predecessor does not blur the comparison
    List<Transmission> lossless = send(link(new LinkProfile(JITTERY, 0, 0, true, 0), 5), 10_000, 10_000, 100);
    List<Transmission> lossy = send(link(new LinkProfile(JITTERY, 0.1, 0, true, 0), 5), 10_000, 10_000, 100);
    long lost = lossy.stream().filter(t -> t.fate() == Transmission.Fate.LOST).count();
    assertTrue(lost > 900 && lost < 1100, "lost " + lost + " of 10000 at 10%");
    for (int i = 0; i < lossy.size(); i++) {
      if (lossy.get(i).delivered()) {
        assertEquals(lossless.get(i).deliverAtMicros(), lossy.get(i).deliverAtMicros(), "message " + i);
      }
    }
  }

  @Test
  void aDuplicateArrivesNoEarlierThanItsOriginalOnAFifoLink() {
    List<Transmission> sent = send(link(new LinkProfile(JITTERY, 0, 0.2, false, 0), 9), 5000, 1000, 100);
    long duplicated = sent.stream().filter(Transmission::duplicated).count();
    assertTrue(duplicated > 900 && duplicated < 1100, "duplicated " + duplicated);
    sent.stream().filter(Transmission::duplicated)
        .forEach(t -> assertTrue(t.duplicateAtMicros() >= t.deliverAtMicros()));
  }

  @Test
  void aCutLinkDropsEverythingUntilEveryPartitionCuttingItHeals() {
    LinkModel link = link(LinkProfile.of(new Distribution.Constant(1000)), 1);
    link.cut();
    link.cut();
    assertEquals(Transmission.Fate.PARTITIONED, link.transmit(0, 10).fate());
    link.restore();
    assertEquals(Transmission.Fate.PARTITIONED, link.transmit(1, 10).fate());
    link.restore();
    assertEquals(1002, link.transmit(2, 10).deliverAtMicros());
  }

  @Test
  void aChangedProfileAppliesFromTheNextMessage() {
    LinkModel link = link(LinkProfile.of(new Distribution.Constant(1000)), 1);
    assertEquals(1000, link.transmit(0, 10).deliverAtMicros());
    link.setProfile(link.profile().with(LinkPatch.delay(new Distribution.Constant(80_000))));
    assertEquals(90_000, link.transmit(10_000, 10).deliverAtMicros());
  }
}
