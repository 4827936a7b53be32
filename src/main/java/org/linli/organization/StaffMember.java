package org.linli.organization;

/** A member of staff; the username is also the engine's user id. */
public record StaffMember(String username, String name, String email, String phone, boolean active) {}
