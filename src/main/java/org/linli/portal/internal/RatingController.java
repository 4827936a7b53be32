package org.linli.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.linli.portal.PortalProperties;
import org.linli.request.Rating;
import org.linli.request.ResidentRatings;
import org.linli.request.ResidentRequest;
import org.linli.request.ResidentRequests;
import org.linli.system.ConflictException;
import org.linli.system.InvalidInputException;
import org.linli.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The rating link mailed with each reply: {@code /portal/rate/{token}}. */
@Controller
@RequestMapping("/portal/rate/{token}")
class RatingController {

  private final ResidentRequests requests;
  private final ResidentRatings ratings;
  private final RateLimiter limiter;
  private final PortalProperties properties;

  RatingController(ResidentRequests requests, ResidentRatings ratings, RateLimiter limiter,
      PortalProperties properties) {
    this.requests = requests;
    this.ratings = ratings;
    this.limiter = limiter;
    this.properties = properties;
  }

  @GetMapping
  ModelAndView form(@PathVariable String token) {
    ResidentRequest r = requests.byRatingToken(token).orElse(null);
    if (r == null) {
      return PortalErrors.page(HttpStatus.NOT_FOUND, "portal.rate.unknown");
    }
    if (!requests.awaitsRating(r.caseId())) {
      return PortalErrors.page(HttpStatus.GONE, "portal.rate.used");
    }
    return page(token, r, null, null);
  }

  @PostMapping
  ModelAndView rate(@PathVariable String token, @RequestParam(required = false) String rating,
      @RequestParam(required = false) String comment, HttpServletRequest http) {
    limiter.hit("rate", http.getRemoteAddr(), properties.rateLimit(), properties.rateWindow());
    ResidentRequest r = requests.byRatingToken(token).orElse(null);
    if (r == null) {
      return PortalErrors.page(HttpStatus.NOT_FOUND, "portal.rate.unknown");
    }
    try {
      ratings.rate(token, rating, comment);
    } catch (InvalidInputException e) {
      String field = e.errors().get(0).field();
      ModelAndView page = page(token, r, rating, comment);
      page.addObject("errorField", field);
      page.addObject("errorKey", "portal.rate.error." + field);
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    } catch (NotFoundException e) {
      return PortalErrors.page(HttpStatus.NOT_FOUND, "portal.rate.unknown");
    } catch (ConflictException e) {
      return PortalErrors.page(HttpStatus.GONE, "portal.rate.used");
    }
    ModelAndView done = new ModelAndView("portal/rated");
    done.addObject("caseNumber", r.caseNumber());
    done.addObject("reopened", Rating.NOT_SATISFIED.name().equals(rating));
    return done;
  }

  private static ModelAndView page(String token, ResidentRequest r, String rating, String comment) {
    ModelAndView page = new ModelAndView("portal/rate");
    page.addObject("token", token);
    page.addObject("caseNumber", r.caseNumber());
    page.addObject("reply", r.reply());
    page.addObject("rating", rating);
    page.addObject("comment", comment);
    return page;
  }
}
