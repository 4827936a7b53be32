package org.linli.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the server takes is answered "413, too large" before anything reads it.
 * Otherwise the first filter to read a form field (the CSRF check) finds no fields at all and
 * refuses the request for the wrong reason ("the page expired"). Runs ahead of the security filters.
 * A body that says it is too large is refused unread; any other multipart form of the pages is
 * parsed here, so that a single file over {@code spring.servlet.multipart.max-file-size} (or a body
 * without a length) is refused the same way, before the CSRF check.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter(MultipartProperties multipart,
      @Value("${linli.attachments.max-bytes:5MB}") DataSize photoLimit) {
    long max = multipart.getMaxRequestSize().toBytes();
    long maxMb = Math.max(1, multipart.getMaxFileSize().toMegabytes());
    long photoMb = Math.max(1, photoLimit.toMegabytes());
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")
            && (request.getContentLengthLong() > max || partsTooLarge(request))) {
          tooLarge(request, response, maxMb, photoMb);
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

  /**
   * Whether the container refuses to parse this multipart body for its size. Only the pages' forms,
   * whose CSRF check reads the body: the API has no such check and answers a too large part itself
   * (problem+json), after the sign-in; the engine's REST API and Camunda's webapps are other servlets.
   */
  static boolean partsTooLarge(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
        || path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/")) {
      return false;
    }
    try {
      request.getParts();
      return false;
    } catch (IllegalStateException | ServletException | IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String name = t.getClass().getSimpleName();
        if (name.contains("SizeLimitExceeded") || name.equals("SizeException") || name.contains("MaxUploadSize")) {
          return true;
        }
      }
      // not a question of size: whoever reads the body next answers for it
      return false;
    }
  }

  static void tooLarge(HttpServletRequest request, HttpServletResponse response, long maxMb, long photoMb)
      throws IOException {
    response.setStatus(413);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String root = request.getContextPath();
    boolean portal = request.getRequestURI().startsWith(root + "/portal");
    String zh = portal ? "照片不能超过 " + photoMb + " MB" : "文件太大，每个文件最大约 " + maxMb + " MB";
    String en = portal ? "a photo may be at most " + photoMb + " MB" : "files of at most about " + maxMb + " MB are accepted";
    if (request.getRequestURI().startsWith(root + "/api/")) {
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\""
          + zh + "; " + en + "\",\"errors\":[{\"field\":\"file\",\"message\":\"" + zh + "; " + en + "\"}]}");
      return;
    }
    String css = root + (portal ? "/css/portal.css" : "/css/work.css");
    String back = portal
        ? "<a href=\"" + root + "/portal/requests/new\" class=\"button\">返回重新填写 · Back to the form</a>"
        : "<a href=\"" + root + "/tasks\" class=\"button\">返回工作台 · Back to the workbench</a>";
    String advice = portal ? "没有提交任何内容。请返回，选择较小的照片（可以用手机拍照时选较低的分辨率）后再提交。"
        : "没有保存任何内容，请选择较小的文件。";
    response.setContentType("text/html");
    response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>413 · 文件太大</title>"
        + "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + root + "/favicon.svg\">"
        + "<link rel=\"stylesheet\" href=\"" + css + "\"></head><body class=\"login-page\"><main class=\"login-card\">"
        + "<h1>413 · 文件太大</h1><p>" + zh + "。" + advice + "</p>"
        + "<p class=\"muted\">File too large: " + en + ". Nothing was " + (portal ? "submitted" : "saved")
        + "; choose a smaller file.</p>"
        + "<p>" + back + "</p></main></body></html>");
  }
}
