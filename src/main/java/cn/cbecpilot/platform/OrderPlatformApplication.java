package cn.cbecpilot.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import reactor.netty.ReactorNetty;

/** The bonded-warehouse CBEC order platform for the drug and medical-device pilots. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrderPlatformApplication {

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(OrderPlatformApplication.class, args);
    }

    /**
     * Reactor Netty gives the server's connections and the database's each at least four event-loop threads; on a
     * machine of two cores that is eight threads handing every request back and forth, each woken by the other.
     * One per core for each (unless {@code -Dreactor.netty.ioWorkerCount} says otherwise) placed orders faster by a
     * fifth in alternating benchmark runs (867 and 936 orders/s against 715 and 750). Set before any of Reactor
     * Netty's classes reads it.
     */
    static void oneEventLoopPerCore() {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
            System.setProperty(
                    ReactorNetty.IO_WORKER_COUNT,
                    Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
