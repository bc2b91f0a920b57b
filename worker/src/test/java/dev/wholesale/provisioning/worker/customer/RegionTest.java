package dev.wholesale.provisioning.worker.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The headquarters country decides the data-residency region. */
class RegionTest {

    @ParameterizedTest
    @CsvSource({"US,US", "CA,CA", "GB,UK", "JP,JP", "AU,AU", "SG,SG", "SA,SA", "AE,AE",
            "DK,EU", "DE,EU", "FR,EU", "IE,EU", "PL,EU", "NO,EU", "IS,EU", "LI,EU", "CH,EU"})
    void aSupportedCountryMapsToItsRegion(String country, Region region) {
        assertThat(Region.ofCountry(country)).contains(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BR", "CN", "IN", "ZA", "MX", "RU", "UK", "EU", "dk", ""})
    @NullSource
    void anyOtherCountryIsNotSupported(String country) {
        assertThat(Region.ofCountry(country)).isEmpty();
    }
}
