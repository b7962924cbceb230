package cn.cbecpilot.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL the platform starts runs with its settings: durable, and checkpoints a third as often. */
class ServerSettingsIntegrationTest extends IntegrationTestBase {

    @Test
    void everySettingIsInEffect() {
        ServerSettings.EMBEDDED.forEach(
                (name, value) -> assertThat(setting(name)).as(name).isEqualTo(value));
    }

    @Test
    void commitsWaitForTheirWalOnDisk() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void checkpointsComeEveryFifteenMinutesWithRoomForTheirWal() {
        assertThat(setting("checkpoint_timeout")).isEqualTo("15min");
        assertThat(setting("max_wal_size")).isEqualTo("4GB");
    }

    private String setting(String name) {
        return texts("select current_setting($1)", name).get(0);
    }
}
