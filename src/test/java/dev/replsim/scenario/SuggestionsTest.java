package dev.replsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Did you mean" suggests only what is close: a wrong suggestion is worse than none. */
class SuggestionsTest {

  private static final List<String> WORKLOAD =
      List.of("clients", "write-rate", "arrival", "keys", "key-distribution", "zipf-exponent");

  @Test
  void otherSpellingsOfTheSameWordsMatch() {
    assertEquals(Optional.of("write-rate"), Suggestions.nearest("writeRate", WORKLOAD));
    assertEquals(
        Optional.of("key-distribution"), Suggestions.nearest("KEY_DISTRIBUTION", WORKLOAD));
    assertEquals(
        Optional.of("semi-sync"),
        Suggestions.nearest("semisync", List.of("async", "sync", "semi-sync")));
  }

  @Test
  void smallTyposMatch() {
    assertEquals(Optional.of("write-rate"), Suggestions.nearest("write-rat", WORKLOAD));
    assertEquals(Optional.of("clients"), Suggestions.nearest("clinets", WORKLOAD));
    assertEquals(
        Optional.of("value"),
        Suggestions.nearest("vlaue", List.of("distribution", "value", "min", "max")));
  }

  @Test
  void distantOrShortWordsDoNotMatch() {
    assertEquals(Optional.empty(), Suggestions.nearest("colour", WORKLOAD));
    assertEquals(
        Optional.empty(),
        Suggestions.nearest("mean", List.of("distribution", "value", "min", "max")));
  }

  @Test
  void listsReadAsEnglish() {
    assertEquals("async, sync or semi-sync", Suggestions.or(List.of("async", "sync", "semi-sync")));
    assertEquals("min and max", Suggestions.and(List.of("min", "max")));
    assertEquals("value", Suggestions.and(List.of("value")));
  }
}
