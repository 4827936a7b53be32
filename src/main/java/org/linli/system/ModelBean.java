package org.linli.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that BPMN and DMN expressions may name, e.g. {@code ${routing.township(execution)}} or
 * {@code camunda:delegateExpression="${publishReply}"}: the allow-list every deployed model is
 * checked against. On a component class or on a {@code @Bean} method. Expressions see no other bean.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ModelBean {}
