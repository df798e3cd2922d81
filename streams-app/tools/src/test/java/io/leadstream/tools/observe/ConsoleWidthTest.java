package io.leadstream.tools.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleWidthTest {

  @Test
  void shouldCountChineseCharactersAsTwoColumns() {
    assertThat(ConsoleWidth.of("ABC 公司")).isEqualTo(8);
    assertThat(ConsoleWidth.of("上海华信物流（香港）有限公司")).isEqualTo(28);
  }

  @Test
  void shouldPadAndCutToTheColumnsATerminalShows() {
    assertThat(ConsoleWidth.fit("上海华信物流有限公司", 26)).isEqualTo("上海华信物流有限公司      ");
    assertThat(ConsoleWidth.fit("上海华信物流（香港）有限公司", 26))
        .isEqualTo("上海华信物流（香港）有限… ")
        .satisfies(s -> assertThat(ConsoleWidth.of(s)).isEqualTo(26));
    assertThat(ConsoleWidth.fit("Lumenbridge Partners S.L.", 26)).hasSize(26);
  }
}
