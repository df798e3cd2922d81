package io.leadstream.tools.cli;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.training.BundlePromotion;
import io.leadstream.tools.retrain.BundleHistory;
import io.leadstream.tools.retrain.BundleHistory.Change;
import io.leadstream.tools.retrain.BundleHistory.Version;
import io.leadstream.tools.retrain.BundleLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Restores a bundle version kept by `retrain` into the bundle folder, or lists them. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Restore the version that --bundle held before its current one (or the one --to names) from"
          + " <bundle>.versions/, where `retrain` keeps replaced versions: the files are moved back"
          + " as they were, and the current version is kept in the history in its place. A running"
          + " pipeline reloads the restored version at its next poll.",
      "",
      "Back one version:   rollback --bundle /models/acme",
      "A named version:    rollback --bundle /models/acme --to acme-2026.11.24-1a2b3c4d",
      "What is kept:       rollback --bundle /models/acme --list"
    })
final class RollbackCommand implements Callable<Integer> {

  @Option(
      names = "--bundle",
      required = true,
      paramLabel = "DIR",
      description = "The bundle folder the pipeline reloads from (leadstream.model.bundle).")
  Path bundle;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Choice choice = new Choice();

  static final class Choice {
    @Option(
        names = "--to",
        paramLabel = "VERSION",
        description = "The version to restore (default: the latest replaced).")
    String version;

    @Option(
        names = "--list",
        description = "List the current and the kept versions with their hold-out AUC and data.")
    boolean list;
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    BundleHistory history = new BundleHistory(bundle);
    if (choice.list) {
      list(out, history);
      return 0;
    }
    Change change = BundleLock.holding(bundle, () -> history.rollback(choice.version));
    out.printf("Restored %s into %s.%n", change.installed(), bundle);
    if (change.replaced() != null) {
      out.printf(
          "The version it replaced, %s, is kept in %s (`rollback --to %s` restores it).%n",
          change.replaced(), history.folder(), change.replaced());
    }
    return 0;
  }

  private void list(PrintWriter out, BundleHistory history) {
    if (BundlePromotion.holdsBundle(bundle)) {
      print(out, "current", BundleHistory.manifest(bundle));
    } else {
      out.printf("%s holds no bundle%n", bundle);
    }
    List<Version> versions = history.versions();
    if (versions.isEmpty()) {
      out.printf("No earlier version is kept in %s%n", history.folder());
    }
    for (Version version : versions) {
      print(out, "kept " + version.sequence(), version.manifest());
    }
  }

  private static void print(PrintWriter out, String which, BundleManifest m) {
    double auc = m.evaluation() == null ? Double.NaN : m.evaluation().model().auc();
    out.printf(
        Locale.ROOT,
        "%-8s %-44s hold-out AUC %s, written %s%n",
        which,
        m.version(),
        Double.isFinite(auc) ? String.format(Locale.ROOT, "%.3f", auc) : "-",
        m.createdAt());
    if (m.training() != null) {
      out.printf(
          Locale.ROOT,
          "         trained on %,d leads from %s%s%n",
          m.training().leads(),
          m.training().generator(),
          m.training().notes().isEmpty() ? "" : ": " + m.training().notes().get(0));
    }
  }
}
