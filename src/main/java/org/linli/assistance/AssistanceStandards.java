package org.linli.assistance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.linli.system.NotFoundException;
import org.springframework.stereotype.Service;

/** The assistance standards in force for a county on a day, from {@code linli.assistance.standards}. */
@Service
public class AssistanceStandards {

  private final List<AssistanceStandard> standards;

  public AssistanceStandards(AssistanceProperties properties) {
    this.standards = checked(properties.standards());
  }

  /**
   * The entry in force: the one for the county with the latest {@code effectiveFrom} not after
   * {@code day}. A 12-digit village or 9-digit township code is read as its county.
   *
   * @throws NotFoundException when the county has no standard yet on that day
   */
  public AssistanceStandard at(String divisionCode, LocalDate day) {
    if (divisionCode == null || !divisionCode.matches("\\d{6}(\\d{3}){0,2}") || day == null) {
      throw new IllegalArgumentException("a 6, 9 or 12-digit division code and a day are needed");
    }
    String county = divisionCode.substring(0, 6);
    return standards.stream()
        .filter(s -> s.countyCode().equals(county) && !s.effectiveFrom().isAfter(day))
        .max(Comparator.comparing(AssistanceStandard::effectiveFrom))
        .orElseThrow(() -> new NotFoundException(
            "县 " + county + " 在 " + day + " 没有生效的救助标准 no assistance standard in force for county " + county
                + " on " + day + (standards.stream().anyMatch(s -> s.countyCode().equals(county))
                    ? " (the first one starts later)" : " (none configured under linli.assistance.standards)")));
  }

  /** The eligibility pre-check of an application against the standard in force on {@code day}. */
  public PreCheck preCheck(HouseholdApplication application, LocalDate day) {
    return Eligibility.preCheck(application, at(application.divisionCode(), day), day);
  }

  public List<AssistanceStandard> all() {
    return standards;
  }

  /** Fails start-up on an entry that could never be read right, rather than on the first application. */
  private static List<AssistanceStandard> checked(List<AssistanceStandard> entries) {
    List<AssistanceStandard> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      AssistanceStandard s = entries.get(i);
      String at = "linli.assistance.standards[" + i + "]";
      if (s.countyCode() == null || !s.countyCode().matches("\\d{6}")) {
        throw new IllegalStateException(at + ".county-code must be a 6-digit county code");
      }
      if (s.effectiveFrom() == null || s.minimumLiving() == null || s.extremePovertySupport() == null
          || s.savingsPerCapitaLimit() == null || s.vehicleValueLimit() == null || s.housingAreaPerCapitaLimit() == null) {
        throw new IllegalStateException(at + " needs effective-from, minimum-living, extreme-poverty-support,"
            + " savings-per-capita-limit, vehicle-value-limit and housing-area-per-capita-limit");
      }
      if (s.minimumLiving().signum() <= 0 || s.extremePovertySupport().signum() <= 0 || s.maxDwellings() < 0) {
        throw new IllegalStateException(at + ": standards must be positive");
      }
      if (!keys.add(s.countyCode() + "@" + s.effectiveFrom())) {
        throw new IllegalStateException(at + ": county " + s.countyCode() + " has two entries from " + s.effectiveFrom());
      }
      out.add(s);
    }
    return List.copyOf(out);
  }
}
