package cn.cbecpilot.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {

    @Test
    void englishAndChineseTagsAreRecognisedAndOthersAreNot() {
        assertThat(LanguageChoice.supported("en-US")).isEqualTo(Locale.ENGLISH);
        assertThat(LanguageChoice.supported("zh-Hans-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(LanguageChoice.supported("fr")).isNull();
        assertThat(LanguageChoice.supported(null)).isNull();
    }
}
