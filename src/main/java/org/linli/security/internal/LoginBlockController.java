package org.linli.security.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.linli.security.LoginThrottle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see who waits after failed sign-ins and let them try again at once. */
@RestController
@Tag(name = "管理 Administration", description = "For administrators: the personal-data view log and sign-in waits")
class LoginBlockController {

  private final LoginThrottle throttle;

  LoginBlockController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping("/api/admin/login-blocks")
  @Operation(summary = "Users and addresses waiting after failed sign-ins ('*': every user from that address)")
  List<LoginThrottle.Block> blocked() {
    return throttle.blocked();
  }

  @DeleteMapping("/api/admin/login-blocks/{username}")
  @Operation(summary = "Let a user try again at once, from anywhere ('*': every address that was held up as a whole)")
  ResponseEntity<Void> unlock(@PathVariable String username) {
    return throttle.unlock(username) > 0 ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }
}
