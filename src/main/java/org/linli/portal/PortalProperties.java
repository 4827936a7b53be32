package org.linli.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits of the resident portal: at most so many hits per client address in a fixed window.
 * The address is the connection's, so X-Forwarded-For counts only where the server is told to
 * trust its proxies ({@code server.forward-headers-strategy} and Tomcat's {@code internal-proxies}).
 *
 * @param submitLimit requests one address may submit per {@code submitWindow}
 * @param followLimit look-ups per {@code followWindow}
 * @param rateLimit rating posts per {@code rateWindow}
 */
@ConfigurationProperties("linli.portal")
public record PortalProperties(
    @DefaultValue("5") int submitLimit,
    @DefaultValue("1h") Duration submitWindow,
    @DefaultValue("20") int followLimit,
    @DefaultValue("10m") Duration followWindow,
    @DefaultValue("10") int rateLimit,
    @DefaultValue("10m") Duration rateWindow,
    @DefaultValue("10") int followMissLimit,
    @DefaultValue("1d") Duration followMissWindow) {}
