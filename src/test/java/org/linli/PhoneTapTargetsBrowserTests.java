package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.casefile.CaseFiles;
import org.linli.request.Channel;
import org.linli.request.IntakeForm;
import org.linli.request.RequestIntake;
import org.linli.request.RequestProcess;
import org.linli.support.BrowserTestSupport;
import org.linli.support.DemoUsers;
import org.linli.support.LinliIntegrationTest;
import org.linli.tasklist.StepInput;
import org.linli.tasklist.TaskActions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a 390×844 phone every visible thing a thumb can hit on the main pages of each role is at
 * least 44×44 CSS pixels (WCAG 2.5.5, Apple's and Android's guidance), and the case diagram pans
 * under one finger. A failure names each element that is too small, with its page and size.
 *
 * <p>What counts: {@code a}, {@code button}, {@code input} (not hidden), {@code select},
 * {@code textarea}, {@code summary}, and for a radio or a checkbox its label, which is what the
 * thumb hits (the box alone may be smaller when its label is big enough). The one exemption is
 * {@link #INLINE_LINK}: a link inside a sentence of running text, which WCAG 2.5.8 exempts as well,
 * because making it taller would break the lines of the text around it.
 */
@LinliIntegrationTest
class PhoneTapTargetsBrowserTests extends BrowserTestSupport {

  static final String TAOYUAN = "330106002001"; // 桃源村: caseworker wang.fang, township liu.yang

  /** A link that is part of a sentence: its parent paragraph or list item has more text than the link. */
  static final String INLINE_LINK = "inline link in running text";

  /**
   * Finds the visible targets smaller than 44×44 on the page. Returns one line per target:
   * its tag, id or classes, text or name, and size; inline links in running text come back
   * prefixed "exempt:".
   */
  static final String CHECK = """
      const min = 44 - 0.5;
      const out = [];
      const visible = (el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        const s = getComputedStyle(el);
        return s.visibility !== 'hidden' && s.display !== 'none' && el.closest('[hidden]') === null
          && !(s.position === 'absolute' && s.clip === 'rect(0px, 0px, 0px, 0px)') && Number(s.opacity) > 0;
      };
      const name = (el) => {
        const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('name') || el.getAttribute('title') || '')
          .replace(/\\s+/g, ' ').trim().slice(0, 40);
        const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
        return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + (el.type ? '[type=' + el.type + ']' : '') + ' "' + text + '"';
      };
      const labelOf = (input) => input.closest('label') || (input.id && document.querySelector('label[for="' + CSS.escape(input.id) + '"]'));
      const inline = (el) => {
        if (el.tagName !== 'A') return false;
        const p = el.parentElement;
        if (!p || !['P', 'LI', 'SPAN', 'SMALL', 'DD', 'TD'].includes(p.tagName)) return false;
        const own = (el.innerText || '').trim().length;
        return (p.innerText || '').trim().length > own + 4 && getComputedStyle(el).display === 'inline';
      };
      const seen = new Set();
      document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, label').forEach((el) => {
        let target = el;
        if (el.tagName === 'LABEL') {
          const input = el.control || el.querySelector('input');
          if (!input || !['radio', 'checkbox'].includes(input.type)) return;
        }
        if (el.tagName === 'INPUT' && ['radio', 'checkbox'].includes(el.type)) {
          const label = labelOf(el);
          if (label) return; // its label is the target, checked as a label
        }
        if (seen.has(target) || !visible(target)) return;
        seen.add(target);
        const r = target.getBoundingClientRect();
        if (r.width >= min && r.height >= min) return;
        out.push((inline(target) ? 'exempt: ' : '') + name(target) + ' ' + Math.round(r.width) + '×' + Math.round(r.height));
      });
      return out;
      """;

  @Autowired RequestIntake intake;
  @Autowired TaskActions tasks;
  @Autowired CaseFiles cases;
  @Autowired DemoUsers users;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired org.linli.supervision.SupervisionFigures figures;

  final List<String> tooSmall = new ArrayList<>();
  final List<String> exempt = new ArrayList<>();

  @BeforeEach
  void phone() {
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
  }

  @AfterEach
  void desk() {
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
  }

  String request(String description, String phone) {
    return intake.submitByStaff(new IntakeForm("streetlight", null, description, TAOYUAN, "村口", null, null, "张三", phone, null,
        Channel.HOTLINE, null), users.get("liu.yang")).caseNumber();
  }

  void act(String user, String number, StepInput input) {
    tasks.complete(users.get(user), cases.openTasks(cases.byNumber(number).orElseThrow().id()).get(0).taskId(), input);
  }

  /** Checks the page as it is now, and saves its screenshot. */
  @SuppressWarnings("unchecked")
  void check(String page) throws Exception {
    shot("phone-" + page);
    for (String line : (List<String>) ((JavascriptExecutor) browser).executeScript(CHECK)) {
      (line.startsWith("exempt: ") ? exempt : tooSmall).add(page + ": " + line.replaceFirst("^exempt: ", ""));
    }
  }

  /** Checks a workbench page, then again with the top bar's menu open. */
  void checkWithMenu(String page) throws Exception {
    check(page);
    find(".menu-button").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".menu-body")));
    check(page + "-menu");
    find(".menu-button").click();
  }

  @Test
  void everyTargetOfTheMainPagesIsThumbSizedAndTheDiagramPansByTouch() throws Exception {
    String handled = request("路灯不亮，晚上出行不便", "13900007701");
    act("wang.fang", handled, new StepInput(RequestProcess.SIGN, null, null, null, null, null));
    String replied = request("垃圾桶满了没有清运", "13900007702");
    act("wang.fang", replied, new StepInput(RequestProcess.SIGN, null, null, null, null, null));
    act("wang.fang", replied, StepInput.replying("已安排清运，今天下午运走。", null));
    // more than a page of work, so that the lists show their pagers too
    for (int i = 0; i < 20; i++) {
      act("wang.fang", request("路灯闪烁第" + (i + 1) + "处", String.format("139000078%02d", i)),
          new StepInput(RequestProcess.SIGN, null, null, null, null, null));
    }

    browser.manage().deleteAllCookies();
    open("/login");
    check("login");

    login("wang.fang");
    open("/tasks?queue=MINE");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rows table.tasks")));
    checkWithMenu("tasks");
    open("/tasks/done");
    assertThat(browser.findElements(By.cssSelector(".pager a"))).as("the done list has a next page").isNotEmpty();
    checkWithMenu("done");
    open("/cases/search?q=" + replied);
    check("search");

    open("/cases/" + handled);
    choose(stepForm(), "答复");
    waiting().until(d -> text().contains("答复居民（居民可见）"));
    check("case-step-form");
    // the diagram, folded on a phone: opened, it pans under one finger
    find("#diagram-card > summary").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#diagram .djs-container svg")));
    waiting().until(d -> ((JavascriptExecutor) d).executeScript("return !!document.getElementById('diagram')._linliViewer"));
    check("case-diagram");
    Map<String, Object> before = viewbox();
    @SuppressWarnings("unchecked")
    Map<String, Object> centre = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
        "const d = document.getElementById('diagram'); d.scrollIntoView({block: 'center'});"
            + " const r = d.getBoundingClientRect(); return {x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2)};");
    int x = ((Number) centre.get("x")).intValue();
    int y = ((Number) centre.get("y")).intValue();
    touch("touchStart", x, y);
    for (int i = 1; i <= 5; i++) {
      touch("touchMove", x - 20 * i, y - 6 * i);
    }
    touch("touchEnd", x - 100, y - 30);
    Map<String, Object> after = viewbox();
    double scale = ((Number) before.get("scale")).doubleValue();
    assertThat(((Number) after.get("x")).doubleValue() - ((Number) before.get("x")).doubleValue())
        .as("a finger dragged 100 px left moves the view right by as much").isCloseTo(100 / scale, org.assertj.core.data.Offset.offset(25 / scale));
    assertThat(((Number) after.get("y")).doubleValue()).isGreaterThan(((Number) before.get("y")).doubleValue());
    shot("phone-case-diagram-panned");

    open("/assistance/apply");
    checkWithMenu("assistance-apply");

    // the supervision centre: its figures, tables as cards, charts, the diagram's table; a folded table opened
    figures.refreshRecent();
    login("huang.hua");
    open("/supervision?period=MONTH&division=330106002");
    waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return !!document.querySelector('#trend-chart canvas') && !!document.querySelector('#waiting-diagram svg')"));
    assertThat(browser.findElements(By.cssSelector("#table-places td.num a"))).as("the villages' figures are links").isNotEmpty();
    checkWithMenu("supervision");
    find("#table-categories > summary").click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#table-categories td.num")));
    check("supervision-categories");
    open("/cases/search?division=330106002&status=OPEN");
    assertThat(find("#more-filters").getAttribute("open")).as("a list narrowed by place shows its conditions").isNotNull();
    check("case-list-filters");
    open("/emergency/report");
    check("emergency-report");

    // the township's supervisor: urging from the area list and from the case page, a card to a village
    String overdue = request("村口路灯坏了一个星期", "13900007799");
    var job = management.createJobQuery().processInstanceId(cases.byNumber(overdue).orElseThrow().processInstanceId())
        .activityId(RequestProcess.TIMER_SIGN_OVERDUE).singleResult();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(job.getDuedate());
    try {
      management.executeJob(job.getId());
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    login("xu.ming");
    open("/tasks?queue=AREA");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rows table.tasks")));
    checkWithMenu("tasks-supervisor");
    open("/cases/" + handled);
    check("case-urge");
    open("/supervision/cards?unit=" + TAOYUAN);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("card-form")));
    checkWithMenu("cards");
    login("lin.hai");
    open("/supervision/cards");
    checkWithMenu("cards-head");

    browser.manage().deleteAllCookies();
    open("/portal");
    check("portal-home");
    open("/portal/requests/new");
    check("portal-request");
    open("/portal/follow");
    find("#number").sendKeys(replied);
    find("#phoneTail").sendKeys("7702");
    find("button[type=submit]").click();
    waiting().until(ExpectedConditions.urlContains("/portal/follow"));
    waiting().until(d -> text().contains("已安排清运"));
    check("portal-status");

    System.out.println("Exempt as links inside running text:\n  " + String.join("\n  ", exempt));
    assertThat(tooSmall).as("targets smaller than 44×44 px at 390×844").isEmpty();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> viewbox() {
    return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
        "const v = document.getElementById('diagram')._linliViewer.get('canvas').viewbox();"
            + " return {x: v.x, y: v.y, scale: v.scale};");
  }

  void touch(String type, int x, int y) {
    ((ChromeDriver) browser).executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type,
        "touchPoints", type.equals("touchEnd") ? List.of() : List.of(Map.of("x", x, "y", y))));
  }
}
