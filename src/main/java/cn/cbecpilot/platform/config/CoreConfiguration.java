package cn.cbecpilot.platform.config;

import cn.cbecpilot.platform.compliance.FreightPolicy;
import cn.cbecpilot.platform.compliance.TaxCalculator;
import cn.cbecpilot.platform.shared.Money;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /** Pilot days (quota years, qualification validity, list editions) are China calendar days. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    TaxCalculator taxCalculator(PlatformProperties properties) {
        return new TaxCalculator(
                new FreightPolicy(Money.of(properties.freightFlat()), Money.of(properties.freightFreeFrom())));
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}
