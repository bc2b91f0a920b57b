package dev.wholesale.provisioning.worker.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers are checked with libphonenumber's numbering plans, not a pattern. */
class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+4532123456", "+4540123456", "+4586123456"})
    void validDanishNumbersAreAcceptedForADanishLocation(String number) {
        assertThat(PhoneNumbers.check(number, "DK")).isEqualTo(new PhoneNumbers.Verdict.Valid(number));
    }

    @Test
    void aValidSwedishNumberIsRefusedForADanishLocationSayingWhy() {
        PhoneNumbers.Verdict verdict = PhoneNumbers.check("+46812345678", "DK");
        assertThat(verdict).isInstanceOf(PhoneNumbers.Verdict.Invalid.class);
        assertThat(((PhoneNumbers.Verdict.Invalid) verdict).reason()).contains("SE").contains("DK");
    }

    @Test
    void northAmericanNumbersBelongToTheirOwnCountry() {
        String toronto = "+14165550199";
        assertThat(PhoneNumbers.check(toronto, "CA")).isInstanceOf(PhoneNumbers.Verdict.Valid.class);
        assertThat(PhoneNumbers.check(toronto, "US")).isInstanceOf(PhoneNumbers.Verdict.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4532123456", "+45 32 12 34 56", "+451234", "+4512345678901234", "+45abcdefgh", ""})
    void numbersNotInE164FormOrTooShortOrLongAreRefused(String number) {
        assertThat(PhoneNumbers.check(number, "DK")).isInstanceOf(PhoneNumbers.Verdict.Invalid.class);
    }
}
