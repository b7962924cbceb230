package cn.cbecpilot.platform.access;

import static cn.cbecpilot.platform.support.ShippedSettings.inEmbeddedMode;
import static cn.cbecpilot.platform.support.ShippedSettings.outsideEmbeddedMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

/**
 * No account exists outside the embedded mode until one is configured: the shipped settings name no administrator's
 * password, and a password too short to stand guessing is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private final DatabaseClient db = mock(DatabaseClient.class, RETURNS_DEEP_STUBS);

    @Test
    void createsNoAccountOutsideEmbeddedModeWhenNoAdministratorIsConfigured() {
        administrator(outsideEmbeddedMode()).createIfNone();

        verifyNoInteractions(db);
    }

    @Test
    void refusesAnAdministratorPasswordShorterThanTwelveCharacters(CapturedOutput output) {
        administrator(outsideEmbeddedMode().withProperty("PLATFORM_ADMIN_PASSWORD", "admin-12345"))
                .createIfNone();

        verifyNoInteractions(db);
        assertThat(output).contains("PLATFORM_ADMIN_PASSWORD is shorter than 12 characters: no administrator created");
    }

    @Test
    void createsTheConfiguredAdministratorOutsideEmbeddedMode() {
        administrator(outsideEmbeddedMode().withProperty("PLATFORM_ADMIN_PASSWORD", "a-long-admin-password"))
                .createIfNone();

        verify(db).sql(contains("insert into operator"));
    }

    @Test
    void leavesTheAccountsToTheDemoInEmbeddedMode() {
        administrator(inEmbeddedMode().withProperty("PLATFORM_ADMIN_PASSWORD", "a-long-admin-password"))
                .createIfNone();

        verifyNoInteractions(db);
    }

    @SuppressWarnings("deprecation") // hashing is not what these tests are about
    private FirstAdministrator administrator(MockEnvironment env) {
        return new FirstAdministrator(db, NoOpPasswordEncoder.getInstance(), env);
    }
}
