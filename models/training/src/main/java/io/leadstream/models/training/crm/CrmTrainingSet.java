package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.training.TrainingSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A CRM export read through its mapping, ready to train on.
 *
 * @param set what the trainer learns from: leads, times, features, columns, segment
 * @param dataset the export as read, with its counts and warnings
 */
public record CrmTrainingSet(TrainingSet set, CrmDataset dataset) {

  /**
   * Reads {@code csv} through the mapping in {@code mappingYaml}.
   *
   * @throws MappingException when the mapping is wrong or names columns the file lacks
   * @throws CrmExportException when the file cannot be read as a labelled export
   */
  public static CrmTrainingSet read(Path csv, Path mappingYaml) {
    LeadMapping mapping = LeadMapping.load(mappingYaml);
    CrmDataset dataset = new CrmExportReader(mapping).read(csv);
    Instant[] times =
        dataset.eventTimes().stream().anyMatch(Objects::isNull)
            ? null
            : dataset.eventTimes().toArray(Instant[]::new);
    TrainingSet set =
        new TrainingSet(
            dataset.leads(),
            times,
            CrmFeatureSpec.build(mapping, dataset.leads()),
            dataset.source(),
            dataset.columns(),
            mapping.segmentSource().orElse(null),
            dataset.targets(),
            notes(dataset),
            mapping.language().orElse(null));
    return new CrmTrainingSet(set, dataset);
  }

  private static List<String> notes(CrmDataset dataset) {
    List<String> notes = new ArrayList<>(dataset.joinNotes());
    dataset.hiddenValues().forEach(hidden -> notes.add(hidden.describe()));
    return notes;
  }

  /** One line on what was read. */
  public String describe() {
    long converted = dataset.leads().stream().filter(l -> l.converted()).count();
    return String.format(
        Locale.ROOT,
        "%,d rows read, %,d leads used (%,d converted, %.1f %%), %,d without a label skipped,"
            + " %,d duplicate ids dropped; %d features%s%s",
        dataset.rowsRead(),
        dataset.rowsUsed(),
        converted,
        100.0 * converted / dataset.rowsUsed(),
        dataset.skippedMissingLabel(),
        dataset.duplicatesDropped(),
        set.features().features().size(),
        set.times() == null ? ", no event times (stratified split)" : ", time-ordered split",
        set.segmentSource() == null ? "" : ", segments by " + set.segmentSource());
  }

  /** What the user should know about the export. */
  public List<String> warnings() {
    return dataset.warnings();
  }

  /**
   * What the user should confirm about the export as read (tables joined, values read as missing),
   * also recorded in the manifest and the model card.
   */
  public List<String> notes() {
    return set.notes();
  }
}
