package org.linli.casefile;

import java.util.List;

/** One page of a list, with the total for paging. */
public record Page<T>(List<T> items, int page, int size, long total) {}
