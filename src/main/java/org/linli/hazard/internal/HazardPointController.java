package org.linli.hazard.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.linli.hazard.HazardPoint;
import org.linli.hazard.HazardPointInput;
import org.linli.hazard.HazardPoints;
import org.linli.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "隐患点 Hazard points", description = "Registered hazard points and their inspection cycle")
class HazardPointController {

  private final HazardPoints points;
  private final CurrentUser currentUser;

  HazardPointController(HazardPoints points, CurrentUser currentUser) {
    this.points = points;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/emergency/hazard-points")
  @Operation(summary = "The hazard points of the user's area")
  List<HazardPoint> list() {
    return points.list(currentUser.get());
  }

  @GetMapping("/api/emergency/hazard-points/{id}")
  @Operation(summary = "One hazard point of the user's area")
  HazardPoint get(@PathVariable long id) {
    return points.visible(id, currentUser.get());
  }

  @PostMapping("/api/emergency/hazard-points")
  @Operation(summary = "Register a hazard point (township of the place or emergency management)")
  ResponseEntity<HazardPoint> register(@RequestBody HazardPointInput input) {
    HazardPoint p = points.register(input, currentUser.get());
    return ResponseEntity.created(URI.create("/api/emergency/hazard-points/" + p.id())).body(p);
  }

  @PutMapping("/api/emergency/hazard-points/{id}")
  @Operation(summary = "Adjust a hazard point: cycle, next date, place, or deactivate with active=false")
  HazardPoint change(@PathVariable long id, @RequestBody HazardPointInput input) {
    return points.change(id, input, currentUser.get());
  }
}
