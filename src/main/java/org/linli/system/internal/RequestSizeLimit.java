package org.linli.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the server takes is answered "413, too large" before anything reads it.
 * Otherwise the first filter to read a form field (the CSRF check) finds no fields at all and
 * refuses the request for the wrong reason. Runs ahead of the security filters.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter(MultipartProperties multipart) {
    long max = multipart.getMaxRequestSize().toBytes();
    long maxMb = Math.max(1, multipart.getMaxFileSize().toMegabytes());
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/") && request.getContentLengthLong() > max) {
          response.setStatus(413);
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          String zh = "文件太大，每个文件最大约 " + maxMb + " MB";
          String en = "files of at most about " + maxMb + " MB are accepted";
          String root = request.getContextPath();
          if (request.getRequestURI().startsWith(root + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\""
                + zh + "; " + en + "\",\"errors\":[{\"field\":\"file\",\"message\":\"" + zh + "; " + en + "\"}]}");
          } else {
            boolean portal = request.getRequestURI().startsWith(root + "/portal");
            String css = root + (portal ? "/css/portal.css" : "/css/work.css");
            String back = portal ? "<a href=\"" + root + "/portal\" class=\"button\">返回居民服务 · Back to the portal</a>"
                : "<a href=\"" + root + "/tasks\" class=\"button\">返回工作台 · Back to the workbench</a>";
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>413 · 文件太大</title>"
                + "<link rel=\"stylesheet\" href=\"" + css + "\"></head><body class=\"login-page\"><main class=\"login-card\">"
                + "<h1>413 · 文件太大</h1><p>" + zh + "。没有保存任何内容，请选择较小的文件。</p>"
                + "<p class=\"muted\">File too large: " + en + ". Nothing was saved; choose a smaller file.</p>"
                + "<p>" + back + "</p></main></body></html>");
          }
          return;
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("linli-request-size-limit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
