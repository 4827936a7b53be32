package org.linli.organization;

/** A county department, such as civil affairs ({@code mz}) of county {@code 330106}. */
public record Department(String countyCode, String code, String name) {}
