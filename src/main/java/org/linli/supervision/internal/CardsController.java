package org.linli.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.linli.casefile.CaseFile;
import org.linli.casefile.Page;
import org.linli.security.CurrentUser;
import org.linli.supervision.Card;
import org.linli.supervision.CardOrder;
import org.linli.supervision.Cards;
import org.linli.system.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "督查 Supervision", description = "Yellow and red cards (黄牌/红牌) to units for their overdue work")
class CardsController {

  private final Cards cards;
  private final CurrentUser currentUser;

  CardsController(Cards cards, CurrentUser currentUser) {
    this.cards = cards;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/supervision/cards")
  @Operation(summary = "The cards of your area (units in it, or your department), newest first, with the cases they name")
  Page<Card> list(@RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return cards.list(currentUser.get(), page, size);
  }

  @GetMapping("/api/supervision/cards/{id}")
  @Operation(summary = "One card of your area; any other is 404")
  Card get(@PathVariable long id) {
    return cards.get(currentUser.get(), id);
  }

  @PostMapping("/api/supervision/cards")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Issue a card (supervisors) to a unit below your area, naming its overdue cases of your area;"
      + " recorded on each case and mailed to the unit's heads")
  Card issue(@RequestBody(required = false) CardOrder order,
      @RequestHeader(name = "Idempotency-Key", required = false) @Parameter(description = "any 8 to 64 letters, digits, - or _:"
          + " a retry with the same key issues nothing and answers with the card already issued") String idempotencyKey) {
    CardOrder o = order == null ? new CardOrder(null, null, null, null, null) : order;
    try {
      return cards.issue(currentUser.get(), o, idempotencyKey);
    } catch (DuplicateKeyException e) {
      // the same key raced in on another request, which issued the card
      return cards.issuedBy(currentUser.get(), idempotencyKey).orElseThrow(() -> new ConflictException(
          "该标识已被使用 this Idempotency-Key was used for another card"));
    }
  }

  @GetMapping("/api/supervision/overdue-work")
  @Operation(summary = "A unit's overdue cases in your area, which a card may name (supervisors): a village's or township's"
      + " divisionCode, or a county's with a departmentCode")
  List<CaseFile> overdueWork(@RequestParam(required = false) String divisionCode,
      @RequestParam(required = false) String departmentCode) {
    return cards.overdueWork(currentUser.get(), divisionCode, departmentCode);
  }
}
