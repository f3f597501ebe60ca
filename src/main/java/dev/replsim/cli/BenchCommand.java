package dev.replsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.replsim.metrics.OutputWriter;
import dev.replsim.metrics.Summary;
import dev.replsim.report.CompareWriter;
import dev.replsim.report.ReportWriter;
import dev.replsim.scenario.SettingOverride;
import dev.replsim.scenario.Scenario;
import dev.replsim.scenario.TimeMode;
import dev.replsim.sim.bench.Benchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replsim bench}: measures replicated writes per second through replsim's whole path, async
 * and sync, beside a bare leader and followers over Artery measured in the same run, and writes
 * the figures to {@code bench.json} and both runs' results to {@code async/} and {@code sync/}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ManifestVersion.class,
    description = "Measure throughput: the scenario async and sync, beside a bare Artery baseline.")
final class BenchCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenario;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    return main.outcome(spec, this::bench);
  }

  private int bench() throws Exception {
    Scenario async = main.scenarios().load(scenario.file, with("async"));
    Scenario sync = main.scenarios().load(scenario.file, with("sync"));
    if (async.simulation().time() == TimeMode.VIRTUAL) {
      return main.badInput(spec, "simulation.time = virtual: bench measures the live path's throughput against bare"
          + " Artery, in real time; run it live (drop --time virtual), or use run --time virtual for a virtual run");
    }
    Path dir = output.directory(async, main.clock());
    Optional<String> refusal = output.refusal(dir);
    if (refusal.isPresent()) {
      return main.badInput(spec, refusal.get());
    }
    PrintWriter console = spec.commandLine().getOut();
    ProgressLine progress = new ProgressLine(console, main.terminal(), System::nanoTime);
    Benchmark.Figures figures;
    try {
      figures = Benchmark.run(async, sync, progress);
    } finally {
      progress.finish();
    }
    ReportWriter.prepare();
    Files.createDirectories(dir.resolve("async"));
    Files.createDirectories(dir.resolve("sync"));
    OutputWriter.write(dir.resolve("async"), async, figures.async());
    OutputWriter.write(dir.resolve("sync"), sync, figures.sync());
    Files.writeString(dir.resolve("bench.json"), json(figures));
    if (!Reports.draw(dir.resolve("async"), spec.commandLine().getErr())
        || !Reports.draw(dir.resolve("sync"), spec.commandLine().getErr())
        || !Reports.compare(List.of(dir.resolve("async"), dir.resolve("sync")), dir, spec.commandLine().getErr())) {
      return ExitCode.RUN_FAILED;
    }
    print(console, figures, dir);
    return ExitCode.OK;
  }

  private List<SettingOverride> with(String mode) {
    List<SettingOverride> overrides = scenario.overrides();
    overrides.add(new SettingOverride("bench", "cluster.replication.mode=" + mode));
    return overrides;
  }

  private static String json(Benchmark.Figures f) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("bareOneEntryPerMessageWritesPerSec", round(f.bareOneEntryPerMessage()));
    figures.put("bareBatchedWritesPerSec", round(f.bareBatched()));
    figures.put("maxBatch", f.maxBatch());
    figures.put("asyncReplicatedWritesPerSec", Benchmark.replicated(f.async().summary()));
    figures.put("syncReplicatedWritesPerSec", Benchmark.replicated(f.sync().summary()));
    figures.put("asyncPeakHeapBytes", f.async().summary().run().peakHeapBytes());
    figures.put("syncPeakHeapBytes", f.sync().summary().run().peakHeapBytes());
    figures.put("asyncCommitLatencyMs", f.async().summary().commitLatencyMs());
    figures.put("syncCommitLatencyMs", f.sync().summary().commitLatencyMs());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures) + "\n";
  }

  private static void print(PrintWriter out, Benchmark.Figures f, Path dir) {
    out.println();
    out.printf(Locale.ROOT, "%-48s %14s %12s%n", "path", "replicated/s", "peak heap");
    row(out, "bare Artery, one entry per message", f.bareOneEntryPerMessage(), "");
    row(out, "bare Artery, up to " + f.maxBatch() + " entries per message", f.bareBatched(), "");
    row(out, "replsim async (protocol, emulator, recorder)", Benchmark.replicated(f.async().summary()),
        mib(f.async().summary()));
    row(out, "replsim sync (protocol, emulator, recorder)", Benchmark.replicated(f.sync().summary()),
        mib(f.sync().summary()));
    out.println();
    out.println("results          " + dir.toAbsolutePath());
    out.println("comparison       " + dir.resolve(CompareWriter.HTML).toAbsolutePath());
    out.flush();
  }

  private static void row(PrintWriter out, String path, double perSec, String heap) {
    out.printf(Locale.ROOT, "%-48s %,14.0f %12s%n", path, perSec, heap);
  }

  private static String mib(Summary s) {
    return String.format(Locale.ROOT, "%.0f MiB", s.run().peakHeapBytes() / 1048576.0);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
