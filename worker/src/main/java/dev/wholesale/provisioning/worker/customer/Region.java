package dev.wholesale.provisioning.worker.customer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The data-residency regions of the service. The headquarters country decides a customer's
 * region; customers of a partner may live in any of them.
 */
public enum Region {
    US("US"),
    CA("CA"),
    // EU data centres also serve the EEA countries and Switzerland.
    EU("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH"),
    UK("GB"),
    JP("JP"),
    AU("AU"),
    SG("SG"),
    SA("SA"),
    AE("AE");

    private static final Map<String, Region> BY_COUNTRY = Stream.of(values())
            .flatMap(region -> region.countries.stream().map(country -> Map.entry(country, region)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final Set<String> countries;

    Region(String... countries) {
        this.countries = Set.of(countries);
    }

    /** The region serving a headquarters in this ISO 3166-1 alpha-2 country, if the service is offered there. */
    public static Optional<Region> ofCountry(String isoCountry) {
        return Optional.ofNullable(isoCountry).map(BY_COUNTRY::get);
    }
}
