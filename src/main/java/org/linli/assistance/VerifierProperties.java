package org.linli.assistance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The external household verification service (核对系统). Without {@code url} the declared data are
 * checked against the standards instead.
 *
 * @param url where households are POSTed as JSON
 * @param timeout connect and read timeout
 * @param username basic authentication, optional
 */
@ConfigurationProperties("linli.assistance.verifier")
public record VerifierProperties(String url, @DefaultValue("10s") Duration timeout, String username, String password) {}
