package org.linli.alert.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.linli.alert.AlertSubscription;
import org.linli.alert.AlertSubscriptions;
import org.linli.alert.NewSubscription;
import org.linli.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/emergency/alert-subscriptions")
@Tag(name = "预警订阅 Alert subscriptions", description = "Who is mailed the alerts of an area (supervisors and administrators)")
class SubscriptionController {

  private final AlertSubscriptions subscriptions;
  private final CurrentUser currentUser;

  SubscriptionController(AlertSubscriptions subscriptions, CurrentUser currentUser) {
    this.subscriptions = subscriptions;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Active subscriptions of your area")
  List<AlertSubscription> list() {
    return subscriptions.list(currentUser.get());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Mail the alerts of a division (and below) of a minimum level to an address")
  AlertSubscription subscribe(@RequestBody NewSubscription subscription) {
    return subscriptions.subscribe(currentUser.get(), subscription);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "End a subscription of your area")
  void end(@PathVariable long id) {
    subscriptions.end(currentUser.get(), id);
  }
}
