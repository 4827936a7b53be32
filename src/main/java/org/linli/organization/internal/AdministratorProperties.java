package org.linli.organization.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of an install ({@code linli.admin.*}, in production from the
 * environment: {@code LINLI_ADMIN_USERNAME}, {@code LINLI_ADMIN_PASSWORD}). Created at start-up, or
 * given the configured password when it exists; once the variables are removed, the password is
 * managed in Camunda Admin.
 *
 * @param username the administrator's user name; empty: none is created
 * @param password at least 12 characters, not a well-known default
 * @param name the name shown for them
 * @param email where their mail goes
 */
@ConfigurationProperties("linli.admin")
record AdministratorProperties(String username, String password, String name, String email) {

  AdministratorProperties {
    username = username == null || username.isBlank() ? null : username.strip();
    name = name == null || name.isBlank() ? "系统管理员" : name.strip();
    email = email == null || email.isBlank() ? null : email.strip();
  }
}
