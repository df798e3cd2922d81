package io.leadstream.models.training.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.JoinMapping;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.schema.LeadEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files joined onto an export by key: many to one, left join, unmatched keys counted. */
class ExportJoinsTest {

  private static final String MAPPING =
      """
      id: deal
      label: {column: stage, positive: [Won], negative: [Lost]}
      join:
        - {file: accounts.csv, key: account}
        - {file: products.csv, key: product}
      features:
        - {column: sector, type: categorical, min_count: 1}
        - {column: employees, type: numeric, field: company.employees}
        - {column: price, type: numeric}
      fields:
        company.name: account
      """;

  @TempDir Path dir;

  @Test
  void shouldBringEachJoinedFilesColumnsOntoTheRowsOfItsKey() throws IOException {
    write("accounts.csv", "account,sector,employees\nAcme,retail,120\nGlobex,software,4000\n");
    write("products.csv", "product,price\nGTX Pro,4821\nMG Special,55\n");
    Path deals =
        write(
            "deals.csv",
            """
        deal,account,product,stage
        d1,Acme,GTX Pro,Won
        d2,Globex,MG Special,Lost
        d3,Acme,MG Special,Lost
        """);

    CrmDataset data = new CrmExportReader(LeadMapping.parse(MAPPING, "m.yaml")).read(deals);

    assertThat(data.header())
        .containsExactly("deal", "account", "product", "stage", "sector", "employees", "price");
    assertThat(data.warnings()).isEmpty();
    LeadEvent first = data.leads().get(0).event();
    assertThat(first.getCompany().getName()).isEqualTo("Acme");
    assertThat(first.getCompany().getEmployees()).isEqualTo(120);
    assertThat(first.getAttributes())
        .containsEntry("sector", "retail")
        .containsEntry("price", "4821");
    assertThat(data.leads().get(2).event().getAttributes())
        .containsEntry("sector", "retail")
        .containsEntry("price", "55");
    assertThat(data.joinNotes())
        .containsExactly(
            "Joined accounts.csv (2 rows, 2 columns) by 'account': 3 of 3 rows of deals.csv matched",
            "Joined products.csv (2 rows, 1 column) by 'product': 3 of 3 rows of deals.csv matched");
  }

  @Test
  void shouldKeepRowsWhoseKeyMatchesNothingAndCountAndNameTheirKeys() throws IOException {
    write("accounts.csv", "account,sector,employees\nAcme,retail,120\nGlobex,software,4000\n");
    write("products.csv", "product,price\nGTX Pro,4821\nMG Special,55\n");
    Path deals =
        write(
            "deals.csv",
            """
        deal,account,product,stage
        d1,Acme,GTXPro,Won
        d2,,MG Special,Lost
        d3,Initech,GTXPro,Lost
        d4,Globex,GTX Pro,Won
        """);

    CrmDataset data = new CrmExportReader(LeadMapping.parse(MAPPING, "m.yaml")).read(deals);

    assertThat(data.rowsUsed()).isEqualTo(4);
    LeadEvent unmatched = data.leads().get(0).event();
    assertThat(unmatched.getAttributes())
        .containsEntry("sector", "retail")
        .doesNotContainKey("price");
    assertThat(data.leads().get(1).event().getAttributes()).doesNotContainKey("sector");
    assertThat(data.warnings())
        .containsExactly(
            "deals.csv: 1 of 4 rows have a key in 'account' that accounts.csv has no row for, 1 value:"
                + " 'Initech' (1 row); their accounts.csv columns count as missing",
            "deals.csv: 1 of 4 rows have no 'account'; their accounts.csv columns count as missing",
            "deals.csv: 2 of 4 rows have a key in 'product' that products.csv has no row for, 1 value:"
                + " 'GTXPro' (2 rows; products.csv has 'GTX Pro'); their products.csv columns count"
                + " as missing");
    assertThat(data.joinNotes())
        .containsExactly(
            "Joined accounts.csv (2 rows, 2 columns) by 'account': 2 of 4 rows of deals.csv"
                + " matched, 1 have a key it has no row for ('Initech' (1 row)), 1 have no key",
            "Joined products.csv (2 rows, 1 column) by 'product': 2 of 4 rows of deals.csv matched,"
                + " 2 have a key it has no row for ('GTXPro' (2 rows; products.csv has 'GTX Pro'))");
  }

  @Test
  void shouldRefuseAFileThatHasTwoRowsForOneKey() throws IOException {
    write(
        "accounts.csv",
        """
        account,sector,employees
        Acme,retail,120
        Globex,software,4000
        Acme,retail,130
        """);
    write("products.csv", "product,price\nGTX Pro,4821\n");
    Path deals = write("deals.csv", "deal,account,product,stage\nd1,Acme,GTX Pro,Won\n");

    assertThatThrownBy(() -> new CrmExportReader(LeadMapping.parse(MAPPING, "m.yaml")).read(deals))
        .isInstanceOf(CrmExportException.class)
        .hasMessage(
            "accounts.csv: 1 key of column 'account' is on more than one row: 'Acme'"
                + " (lines 2, 4). A joined file gives each export row the one row of its 'account'"
                + " (many to one), so each key may appear once: join a file with one row per account,"
                + " or sum its rows up per account first");
  }

  @Test
  void shouldAskForAPrefixWhenAJoinedColumnIsAlreadyThereAndUseIt() throws IOException {
    write("accounts.csv", "account,sector,employees,stage\nAcme,retail,120,customer\n");
    write("products.csv", "product,price\nGTX Pro,4821\n");
    Path deals = write("deals.csv", "deal,account,product,stage\nd1,Acme,GTX Pro,Won\n");

    assertThatThrownBy(() -> new CrmExportReader(LeadMapping.parse(MAPPING, "m.yaml")).read(deals))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "m.yaml: join[0]: accounts.csv has a column 'stage', and deals.csv already"
                + " has one; give the join a prefix for the columns it brings (prefix: \"accounts \")"
                + " or rename one of them");

    String prefixed =
        MAPPING
            .replace(
                "{file: accounts.csv, key: account}",
                "{file: accounts.csv, key: account, prefix: \"account \"}")
            .replace("column: sector,", "column: account sector,")
            .replace("column: employees,", "column: account employees,");
    CrmDataset data = new CrmExportReader(LeadMapping.parse(prefixed, "m.yaml")).read(deals);

    assertThat(data.leads().get(0).event().getAttributes())
        .containsEntry("account sector", "retail");
    assertThat(data.warnings())
        .containsExactly(
            "deals.csv: 1 column not in m.yaml and unused:"
                + " 'account stage'; list them under exclude to say so on purpose");
  }

  @Test
  void shouldJoinByAColumnAnEarlierFileBroughtAndByAKeyNamedOtherwise() throws IOException {
    String chained =
        """
        id: deal
        label: {column: stage, positive: [Won], negative: [Lost]}
        join:
          - {file: accounts.csv, key: account}
          - {file: regions.csv, key: office, file_key: city, delimiter: ";"}
        features:
          - {column: region, type: categorical, min_count: 1}
        exclude: [sector]
        """;
    write("accounts.csv", "account,sector,office\nAcme,retail,Berlin\nGlobex,software,Austin\n");
    write("regions.csv", "city;region\nBerlin;EMEA\nAustin;Americas\n");
    Path deals = write("deals.csv", "deal,account,stage\nd1,Acme,Won\nd2,Globex,Lost\n");

    CrmDataset data = new CrmExportReader(LeadMapping.parse(chained, "m.yaml")).read(deals);

    assertThat(data.leads())
        .extracting(l -> l.event().getAttributes().get("region"))
        .containsExactly("EMEA", "Americas");
    assertThat(data.joinNotes().get(1))
        .startsWith("Joined regions.csv (2 rows, 1 column) by 'office' = 'city': 2 of 2 rows");
  }

  @Test
  void shouldNameAMissingFileAKeyTheExportLacksAndAKeyTheFileLacks() throws IOException {
    Path deals = write("deals.csv", "deal,account,product,stage\nd1,Acme,GTX Pro,Won\n");
    LeadMapping mapping = LeadMapping.parse(MAPPING, "m.yaml");

    assertThatThrownBy(() -> new CrmExportReader(mapping).read(deals))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(
            "m.yaml: join[0].file 'accounts.csv' is not there (looked for "
                + dir.resolve("accounts.csv").toAbsolutePath())
        .hasMessageEndingWith("; a relative file is read from the export's folder)");

    write("accounts.csv", "account,sector,employees\nAcme,retail,120\n");
    write("products.csv", "sku,price\nGTX Pro,4821\n");
    assertThatThrownBy(() -> new CrmExportReader(mapping).read(deals))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "m.yaml: join[1].key 'product' is not a column of products.csv."
                + " Columns: 'sku', 'price'; set file_key when the file names it otherwise");

    write("products.csv", "product,price\nGTX Pro,4821\n");
    Path noAccount = write("deals-2.csv", "deal,acount,product,stage\nd1,Acme,GTX Pro,Won\n");
    assertThatThrownBy(() -> new CrmExportReader(mapping).read(noAccount))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(
            "m.yaml: join[0].key 'account' is not a column of deals-2.csv;"
                + " did you mean 'acount'?");
  }

  @Test
  void shouldRejectAJoinWithoutFileOrKeyAndUnknownJoinKeys() {
    assertThatThrownBy(
            () ->
                LeadMapping.parse(
                    MAPPING.replace("{file: accounts.csv, key: account}", "{key: account}"),
                    "m.yaml"))
        .hasMessage("m.yaml: join[0].file is required: the CSV file to join");
    assertThatThrownBy(
            () ->
                LeadMapping.parse(
                    MAPPING.replace(
                        "{file: accounts.csv, key: account}", "{file: accounts.csv, on: account}"),
                    "m.yaml"))
        .hasMessageStartingWith("m.yaml: join[0]: unknown key 'on'");
    assertThat(LeadMapping.parse(MAPPING, "m.yaml").joins())
        .extracting(JoinMapping::file, JoinMapping::key, JoinMapping::fileKey)
        .containsExactly(
            Tuple.tuple("accounts.csv", "account", "account"),
            Tuple.tuple("products.csv", "product", "product"));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
