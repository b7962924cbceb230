package cn.cbecpilot.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The bonded-warehouse CBEC order platform for the drug and medical-device pilots. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrderPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderPlatformApplication.class, args);
    }
}
