package org.linli.system.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may reach: the beans on the allow-list (methods called on
 * them directly, never on what they return), plain process variables (their properties, not their
 * methods), and a few read-only facts of the execution or task. No reflection, no {@code getClass},
 * no functions, nothing an expression could chain its way from into the JVM.
 *
 * <pre>
 * ${routing.township(execution)}            allowed: a listed bean's method, the execution as argument
 * ${decision == 'approve' &amp;&amp; !urgent}      allowed: plain variables
 * ${execution.processBusinessKey}           allowed: a fact of the execution
 * ${execution.getProcessEngineServices()}   refused: the engine behind the execution
 * ${''.getClass().forName('java.lang.Runtime')}  refused
 * </pre>
 */
final class ExpressionRules {

  /** What the engine puts next to the variables. */
  static final Set<String> CONTEXT = Set.of("execution", "task");
  /** Read-only facts of the execution or task. */
  static final Set<String> CONTEXT_PROPERTIES = Set.of("processBusinessKey", "processInstanceId", "id", "currentActivityId",
      "currentActivityName", "eventName", "activityInstanceId", "name", "taskDefinitionKey", "businessKey");
  /** Reading a variable by name. */
  static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal");
  /** Names that lead from any object to classes, class loaders or the runtime. */
  static final Set<String> FORBIDDEN_NAMES = Set.of("class", "getClass", "classLoader", "getClassLoader", "forName",
      "declaredMethods", "getDeclaredMethods", "declaredFields", "getDeclaredFields", "module", "getModule", "runtime",
      "getRuntime", "exec", "invoke", "newInstance", "processEngine", "processEngineServices", "getProcessEngineServices",
      "getProcessEngine", "processEngineConfiguration");

  private final Set<String> beans;
  private final Builder builder = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  /** @param beans the names of the beans expressions may use */
  ExpressionRules(Set<String> beans) {
    this.beans = Set.copyOf(beans);
  }

  /** Whether the text holds an expression at all. */
  static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** What is wrong with the expression text (a composite like {@code 审核: ${name}} too); empty when nothing. */
  List<String> check(String text) {
    List<String> problems = new ArrayList<>();
    try {
      walk(builder.build(text).getRoot(), problems);
    } catch (TreeBuilderException e) {
      problems.add("not a valid expression: " + e.getMessage());
    }
    return problems.stream().map(p -> p + " in " + text).distinct().toList();
  }

  /** The bean a delegate expression names: exactly {@code ${bean}}, with the bean on the allow-list. */
  List<String> checkDelegate(String text) {
    String t = text == null ? "" : text.strip();
    if (!t.matches("[$#]\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}")) {
      return List.of("a delegate expression names one bean, ${beanName}: " + text);
    }
    String name = t.substring(2, t.length() - 1).strip();
    return beans.contains(name) ? List.of() : List.of("bean '" + name + "' is not one models may use: " + text);
  }

  private void walk(Node node, List<String> problems) {
    if (node instanceof AstMethod method) {
      checkMethod(method, problems);
      return;
    }
    if (node instanceof AstFunction f) {
      problems.add("function " + f.getName() + "() is not allowed");
      return;
    }
    if (node instanceof AstProperty property) {
      checkProperty(property, problems);
      return;
    }
    if (node instanceof AstIdentifier id) {
      checkIdentifier(id.getName(), problems);
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), problems);
    }
  }

  /** {@code bean.method(args)} or {@code execution.getVariable('x')}; nothing else is called. */
  private void checkMethod(AstMethod method, List<String> problems) {
    Node target = method.getChild(0);
    AstParameters params = (AstParameters) method.getChild(1);
    if (!(target instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier base)) {
      problems.add("a method may only be called directly on a listed bean or on the execution");
    } else {
      String name = propertyName(dot);
      if (FORBIDDEN_NAMES.contains(name)) {
        problems.add("'" + name + "' is not allowed");
      } else if (CONTEXT.contains(base.getName())) {
        if (!CONTEXT_METHODS.contains(name)) {
          problems.add(base.getName() + "." + name + "() is not allowed; read variables by name or pass " + base.getName()
              + " to a listed bean");
        }
      } else if (!beans.contains(base.getName())) {
        problems.add("'" + base.getName() + "' is not a bean models may use");
      }
    }
    for (int i = 0; i < params.getCardinality(); i++) {
      walk(params.getChild(i), problems);
    }
  }

  /** {@code variable.property}, {@code variable['key']}, {@code execution.processBusinessKey}. */
  private void checkProperty(AstProperty property, List<String> problems) {
    Node base = property;
    List<Node> chain = new ArrayList<>();
    while (base instanceof AstProperty p) {
      chain.add(0, p);
      base = p.getChild(0);
    }
    for (Node link : chain) {
      if (link instanceof AstDot dot && FORBIDDEN_NAMES.contains(propertyName(dot))) {
        problems.add("'" + propertyName(dot) + "' is not allowed");
      } else if (link instanceof AstBracket bracket && !(bracket.getChild(1) instanceof AstLiteral)) {
        problems.add("a computed property name is not allowed");
      } else if (link instanceof AstBracket bracket && FORBIDDEN_NAMES.contains(literal(bracket.getChild(1)))) {
        problems.add("'" + literal(bracket.getChild(1)) + "' is not allowed");
      }
    }
    if (!(base instanceof AstIdentifier id)) {
      problems.add("properties may only be read from variables or the execution");
      walk(base, problems);
      return;
    }
    String name = id.getName();
    if (beans.contains(name)) {
      problems.add("bean '" + name + "' is used by calling a method on it, not by reading its properties");
    } else if (CONTEXT.contains(name)) {
      boolean fact = chain.size() == 1 && chain.get(0) instanceof AstDot dot && CONTEXT_PROPERTIES.contains(propertyName(dot));
      if (!fact) {
        problems.add("only " + CONTEXT_PROPERTIES + " of " + name + " may be read");
      }
    }
  }

  private void checkIdentifier(String name, List<String> problems) {
    if (FORBIDDEN_NAMES.contains(name)) {
      problems.add("'" + name + "' is not allowed");
    }
    // anything else is a variable, a listed bean, or the execution or task passed on as an argument
  }

  /** The name in {@code a.name}; JUEL prints a dot node as ". name". */
  private static String propertyName(AstDot dot) {
    String s = dot.toString();
    return s.startsWith(". ") ? s.substring(2) : s;
  }

  private static String literal(Node node) {
    String s = node.toString();
    return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
  }
}
