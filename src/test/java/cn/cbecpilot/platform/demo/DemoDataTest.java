package cn.cbecpilot.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The demo data includes an operator whose password is in the source and the README, so it is part of the platform
 * only in the embedded mode. Checked on the bean's definition alone (lazily, nothing created), since creating it
 * would need the whole platform.
 */
class DemoDataTest {

    private final ApplicationContextRunner platform = new ApplicationContextRunner()
            .withInitializer(c -> c.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
            .withUserConfiguration(DemoData.class);

    @Test
    void isNoPartOfThePlatformOutsideEmbeddedMode() {
        platform.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoData.class));
        platform.withPropertyValues("platform.embedded=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoData.class));
    }

    @Test
    void isPartOfThePlatformInEmbeddedMode() {
        platform.withPropertyValues("platform.embedded=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DemoData.class));
    }
}
