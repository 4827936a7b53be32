package org.linli.assistance;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assistance flow.
 *
 * @param temporaryAmount the one-off amount of temporary assistance (临时救助), CNY; an input of
 *     assistance-eligibility.dmn
 */
@ConfigurationProperties("linli.assistance.flow")
public record AssistanceFlowProperties(@DefaultValue("2000") BigDecimal temporaryAmount) {}
