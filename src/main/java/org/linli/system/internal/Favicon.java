package org.linli.system.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The site's icon is {@code /favicon.svg} (a static file, linked from every page's head). Browsers
 * and tools that ask for {@code /favicon.ico} by habit are sent there instead of getting a 404. Both
 * are open to everyone through the security configuration's catch-all chain for static files.
 */
@Configuration(proxyBeanMethods = false)
class Favicon implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/favicon.ico", "/favicon.svg").setStatusCode(HttpStatus.MOVED_PERMANENTLY);
  }
}
