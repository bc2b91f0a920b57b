package dev.wholesale.provisioning.worker.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.wholesale.provisioning.contracts.catalogue.ErrorCode;
import dev.wholesale.provisioning.contracts.result.ResultError;

/** An error inside one user or location of a users request refuses only that item. */
class ItemErrorsTest {

    private static final List<String> USERS_ADD_ARRAYS = List.of("/users", "/locations");

    @ParameterizedTest(name = "{0} falls into {1}")
    @CsvSource({
            "/users/3/email,                 /users/3",
            "/users/3,                       /users/3",
            "/users/12/primaryPhoneNumber,   /users/12",
            "/locations/0/address/country,   /locations/0"})
    void anErrorInsideAnItemFallsIntoThatItem(String pointer, String item) {
        assertThat(ItemErrors.itemOf(pointer, USERS_ADD_ARRAYS)).isEqualTo(item);
    }

    @ParameterizedTest(name = "\"{0}\" is in no item")
    @ValueSource(strings = {"/users", "/users/", "/usersX/1", "/users/abc/email", "/customerExternalId", "",
            "/emails/0"})
    void anErrorOutsideAnyItemFallsIntoNone(String pointer) {
        assertThat(ItemErrors.itemOf(pointer, USERS_ADD_ARRAYS)).isNull();
    }

    @ParameterizedTest
    @NullSource
    void anErrorWithoutPointerFallsIntoNoItem(String pointer) {
        assertThat(ItemErrors.itemOf(pointer, USERS_ADD_ARRAYS)).isNull();
    }

    @Test
    void theErrorsOfAnItemAreThoseStoredUnderItsPointer() {
        ResultError badEmail = new ResultError(ErrorCode.VALIDATION_FAILED, "must be an e-mail address", "/users/3/email");
        ResultError badCountry = new ResultError(ErrorCode.VALIDATION_FAILED, "not a country", "/locations/3/address/country");
        ItemErrors errors = new ItemErrors(Map.of("/users/3", List.of(badEmail), "/locations/3", List.of(badCountry)));

        assertThat(errors.of("/users", 3)).containsExactly(badEmail);
        assertThat(errors.of("/locations", 3)).containsExactly(badCountry);
        assertThat(errors.of("/users", 4)).isEmpty();
        assertThat(ItemErrors.NONE.of("/users", 0)).isEmpty();
    }
}
