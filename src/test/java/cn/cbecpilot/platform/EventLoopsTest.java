package cn.cbecpilot.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

class EventLoopsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(ReactorNetty.IO_WORKER_COUNT);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
        } else {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, before);
        }
    }

    @Test
    void unlessToldOtherwiseThePlatformRunsOneEventLoopPerCore() {
        System.clearProperty(ReactorNetty.IO_WORKER_COUNT);

        OrderPlatformApplication.oneEventLoopPerCore();

        assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void aCountGivenOnTheCommandLineIsKept() {
        System.setProperty(ReactorNetty.IO_WORKER_COUNT, "7");

        OrderPlatformApplication.oneEventLoopPerCore();

        assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("7");
    }
}
