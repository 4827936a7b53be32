package org.linli.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits of the resident portal: at most so many hits per client address in a fixed window.
 * The address is the connection's, so X-Forwarded-For counts only where the server is told to
 * trust its proxies ({@code server.forward-headers-strategy} and Tomcat's {@code internal-proxies}).
 *
 * <p>Submissions have two limits. Per address it is high, because a village service hall, a
 * mobile carrier or a company network puts many residents behind one address; per phone number it
 * is low, because a person seldom reports more than a few matters an hour, while a script that
 * changes its address has to change the phone number too (and a phone number is what the caseworker
 * calls back).
 *
 * @param submitLimit requests one address may submit per {@code submitWindow}
 * @param submitPhoneLimit requests with one phone number per {@code submitPhoneWindow}, from any address
 * @param followLimit look-ups per {@code followWindow}
 * @param rateLimit rating posts per {@code rateWindow}
 */
@ConfigurationProperties("linli.portal")
public record PortalProperties(
    @DefaultValue("60") int submitLimit,
    @DefaultValue("1h") Duration submitWindow,
    @DefaultValue("20") int followLimit,
    @DefaultValue("10m") Duration followWindow,
    @DefaultValue("10") int rateLimit,
    @DefaultValue("10m") Duration rateWindow,
    @DefaultValue("10") int followMissLimit,
    @DefaultValue("1d") Duration followMissWindow,
    @DefaultValue("3") int submitPhoneLimit,
    @DefaultValue("1h") Duration submitPhoneWindow) {}
