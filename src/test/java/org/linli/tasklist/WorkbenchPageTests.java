package org.linli.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.organization.OrganizationService;
import org.linli.security.LinliUser;
import org.linli.support.LinliIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Workbench pages for signed-in staff: bad addresses and a department officer's filters. */
@LinliIntegrationTest
class WorkbenchPageTests {

  @Autowired WebApplicationContext context;
  @Autowired OrganizationService organization;

  MockHttpServletResponse page(String username, String path) throws Exception {
    LinliUser user = new LinliUser(username, username, organization.groupsOf(username), organization.scopeOf(username));
    var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    return mvc.perform(get(path).with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()))))
        .andReturn().getResponse();
  }

  @Test
  void aParameterThePageDoesNotKnowIsA400PageNotAnError() throws Exception {
    for (String path : List.of("/tasks?queue=foo", "/tasks?state=PURPLE", "/tasks/rows?page=x")) {
      MockHttpServletResponse r = page("wang.fang", path);
      assertThat(r.getStatus()).as(path).isEqualTo(400);
      assertThat(r.getContentAsString()).as(path).contains("无法完成", "返回工作台");
    }
  }

  @Test
  void aDepartmentOfficerFiltersByTheVillagesOfTheCounty() throws Exception {
    MockHttpServletResponse r = page("zheng.hao", "/tasks?queue=AREA");
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("<option value=\"330106002001\">桃源村</option>");
  }
}
