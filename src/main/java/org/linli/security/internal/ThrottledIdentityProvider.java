package org.linli.security.internal;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.linli.security.LoginThrottle;

/**
 * The engine's own user store, with Linli's {@link LoginThrottle} in place of the engine's lock-out
 * (which locks an account for good after a number of failures from anywhere, so that anybody who
 * knows a user name can shut its owner out). Every door that checks a password comes here: Linli's
 * log-in, the engine's REST API and Camunda's webapps.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;

  ThrottledIdentityProvider(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    String client = LoginThrottle.clientOfCurrentRequest();
    if (throttle.retryAfterSeconds(userId, client) > 0) {
      return false; // waiting: the password is not even looked at
    }
    UserEntity user = findUserById(userId);
    if (user != null && matchPassword(password, user)) {
      throttle.succeeded(userId, client);
      return true;
    }
    throttle.failed(userId, client);
    return false;
  }
}
