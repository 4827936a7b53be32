package org.linli.assistance;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Social assistance settings: the standards of each county with the dates they take effect. A new
 * year's standard is a new entry with a later {@code effective-from}; old entries stay so that an
 * application is judged by the standard of its own date.
 */
@ConfigurationProperties("linli.assistance")
public record AssistanceProperties(@DefaultValue List<AssistanceStandard> standards) {}
