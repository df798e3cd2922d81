package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.HiddenValue;
import io.leadstream.models.training.LabelledLead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CRM export read through a mapping. Row {@code i} of {@link #leads()}, {@link #targets()} and
 * {@link #eventTimes()} is the same lead. {@code rowsRead = rowsUsed + skippedMissingLabel +
 * duplicatesDropped}.
 *
 * @param source the export's file name
 * @param header the export's columns, in file order, then the columns joined files brought
 * @param leads the labelled leads, in file order; for a continuous label {@code converted} is
 *     {@code target > 0}
 * @param targets for a continuous label the numeric targets, else null
 * @param eventTimes each lead's time from the time column, null where it has none or the mapping
 *     has no time column
 * @param columns each text and feature column's raw value per lead (null where missing), for checks
 *     that look at one column at a time
 * @param rowsRead data rows in the file (header not counted)
 * @param skippedMissingLabel rows skipped because their label is missing
 * @param duplicatesDropped rows dropped because another row with the same lead id was kept
 * @param warnings things the user should know that did not stop the read, e.g. unmapped columns
 * @param hiddenValues missing spellings that fill a good part of a column, for the user to confirm
 * @param joinNotes one sentence per joined file: its rows and how many export rows it matched
 */
public record CrmDataset(
    String source,
    List<String> header,
    List<LabelledLead> leads,
    double[] targets,
    List<Instant> eventTimes,
    Map<String, String[]> columns,
    int rowsRead,
    int skippedMissingLabel,
    int duplicatesDropped,
    List<String> warnings,
    List<HiddenValue> hiddenValues,
    List<String> joinNotes) {

  public CrmDataset {
    header = List.copyOf(header);
    leads = List.copyOf(leads);
    targets = targets == null ? null : targets.clone();
    eventTimes = Collections.unmodifiableList(new ArrayList<>(eventTimes));
    warnings = List.copyOf(warnings);
    hiddenValues = List.copyOf(hiddenValues);
    joinNotes = List.copyOf(joinNotes);
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    if (eventTimes.size() != leads.size() || (targets != null && targets.length != leads.size())) {
      throw new IllegalArgumentException("leads, targets and event times differ in length");
    }
  }

  /** A copy of the targets, or null for a positive/negative label. */
  @Override
  public double[] targets() {
    return targets == null ? null : targets.clone();
  }

  /** Rows that became leads. */
  public int rowsUsed() {
    return leads.size();
  }
}
