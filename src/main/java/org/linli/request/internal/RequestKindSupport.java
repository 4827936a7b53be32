package org.linli.request.internal;

import org.linli.security.LinliUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linli.request.RequestCategories;
import org.linli.request.RequestProcess;
import org.linli.tasklist.CaseKindSupport;
import org.springframework.stereotype.Component;

/** What a resident request shows on the task list and its case page. */
@Component
class RequestKindSupport implements CaseKindSupport {

  private final ResidentRequestRepository requests;
  private final RequestCategories categories;
  private final RequestViews requestViews;
  private final org.linli.organization.OrganizationService organization;

  RequestKindSupport(ResidentRequestRepository requests, RequestCategories categories, RequestViews requestViews,
      org.linli.organization.OrganizationService organization) {
    this.organization = organization;
    this.requests = requests;
    this.categories = categories;
    this.requestViews = requestViews;
  }

  @Override
  public String kind() {
    return RequestProcess.KIND;
  }

  @Override
  public Set<Long> caseIdsByPhone(String phone) {
    return requests.caseIdsByPhone(phone);
  }

  @Override
  public String categoryName(String categoryCode, boolean english) {
    return categories.byCode(categoryCode).map(c -> english ? c.nameEn() : c.name()).orElse(categoryCode);
  }

  @Override
  public java.util.Map<String, String> categories(boolean english) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    categories.all().forEach(c -> out.put(c.code(), english ? c.nameEn() : c.name()));
    return out;
  }

  /** Grid workers report everyday issues from the street (网格上报). */
  @Override
  public java.util.Optional<EntryLink> entryLink(LinliUser user) {
    return GridReportController.gridVillages(user, organization).isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(new EntryLink(GridReportController.PATH, "request.report.nav"));
  }

  @Override
  public List<Detail> details(long caseId, LinliUser user, boolean english) {
    List<Detail> out = new ArrayList<>();
    requests.byCaseId(caseId).map(r -> requestViews.as(r, user)).ifPresent(r -> {
      out.add(new Detail(english ? "Description" : "诉求内容", r.description()));
      out.add(new Detail(english ? "Address" : "地址", r.address()));
      out.add(new Detail(english ? "Resident" : "诉求人", r.residentName()));
      out.add(new Detail(english ? "Phone" : "联系电话", r.residentPhone()));
      if (r.residentEmail() != null) {
        out.add(new Detail(english ? "E-mail" : "电子邮箱", r.residentEmail()));
      }
      out.add(new Detail(english ? "Channel" : "来源渠道", english ? r.channel().nameEn() : r.channel().nameZh()));
      if (r.reply() != null) {
        out.add(new Detail(english ? "Reply" : "答复内容", r.reply()));
      }
    });
    return out;
  }
}
