package dev.replsim.spawn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A child JVM for {@link SharedMonotonicClockTest}: for each line it reads, it answers its own
 * {@code System.nanoTime()} at once.
 */
public final class ClockProbe {

  private ClockProbe() {}

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      System.out.println(System.nanoTime());
      System.out.flush();
    }
  }
}
