package cn.cbecpilot.platform.database;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points R2DBC and Flyway at the platform's database before any bean is created: the external PostgreSQL of
 * {@code DATABASE_URL} when set, otherwise the embedded one. Doing it here keeps the rest of the application unaware
 * of which it got, and lets every Spring context of a test JVM share one embedded server.
 */
class DatabaseEnvironment implements EnvironmentPostProcessor {

    static final String EMBEDDED_FLAG = "platform.embedded";

    private final Log log;

    DatabaseEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("DATABASE_URL", env.getProperty("platform.database.url", ""));
        Map<String, Object> props = url.isBlank() ? embedded(env) : external(env, url);
        env.getPropertySources().addFirst(new MapPropertySource("platformDatabase", props));
    }

    private Map<String, Object> external(ConfigurableEnvironment env, String url) {
        URI uri = URI.create(url.replaceFirst("^(jdbc:|r2dbc:)", ""));
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalStateException("DATABASE_URL must look like postgresql://host:port/db, got " + url);
        }
        String hostPortDb = uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
        String user = env.getProperty("DATABASE_USER", "postgres");
        String password = env.getProperty("DATABASE_PASSWORD", "");
        log.info("Using external PostgreSQL at " + hostPortDb);
        return connection(hostPortDb, user, password, false);
    }

    private Map<String, Object> embedded(ConfigurableEnvironment env) {
        String dir = env.getProperty("PLATFORM_DATA_DIR", env.getProperty("platform.data-dir", "./data"));
        boolean throwaway = dir.isBlank();
        int port = EmbeddedPostgresServer.start(throwaway ? null : Path.of(dir));
        log.info("Embedded PostgreSQL 17 on 127.0.0.1:" + port
                + (throwaway
                        ? " (throwaway data directory)"
                        : " with data in " + Path.of(dir).toAbsolutePath()));
        return connection("127.0.0.1:" + port + "/postgres", "postgres", "", true);
    }

    private static Map<String, Object> connection(String hostPortDb, String user, String password, boolean embedded) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.r2dbc.url", "r2dbc:postgresql://" + hostPortDb);
        props.put("spring.r2dbc.username", user);
        props.put("spring.r2dbc.password", password);
        props.put("spring.flyway.url", "jdbc:postgresql://" + hostPortDb);
        props.put("spring.flyway.user", user);
        props.put("spring.flyway.password", password);
        props.put(EMBEDDED_FLAG, embedded);
        return props;
    }
}
