package org.linli.alert;

import org.linli.emergency.IncidentLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How CAP alerts are written and published ({@code linli.emergency.alert.*}).
 *
 * @param sender CAP {@code sender}: the originator's unique id, by convention an e-mail-like
 *     address of the issuing office; no spaces, commas, {@code <} or {@code &}
 * @param senderName CAP {@code info/senderName}, the office people read
 * @param identifierPrefix first part of every identifier: {@code prefix.county.caseNumber.n}
 * @param threshold the least grave level for which a new case gets an alert (III: III, II and I)
 * @param circleRadiusKm radius of the {@code area/circle} drawn around a reported position
 * @param englishInfo also write an en-US {@code info} after the zh-CN one
 * @param feedSize entries in the public Atom feed
 * @param publicBaseUrl the address the public reaches Linli at, for links in mails and in the public
 *     feed (never the Host header a request brings); empty: {@code linli.notification.base-url}
 */
@ConfigurationProperties("linli.emergency.alert")
public record AlertProperties(
    @DefaultValue("linli@example.gov.cn") String sender,
    @DefaultValue("邻里 Linli 应急管理 Emergency management") String senderName,
    @DefaultValue("linli") String identifierPrefix,
    @DefaultValue("III") IncidentLevel threshold,
    @DefaultValue("1.0") double circleRadiusKm,
    @DefaultValue("true") boolean englishInfo,
    @DefaultValue("50") int feedSize,
    @DefaultValue("") String publicBaseUrl) {}
