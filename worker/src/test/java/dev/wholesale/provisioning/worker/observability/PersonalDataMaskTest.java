package dev.wholesale.provisioning.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** E-mail addresses and phone numbers, however they are written, do not reach logs and dead letters. */
class PersonalDataMaskTest {

    static Stream<Arguments> emailAddresses() {
        return Stream.of(
                Arguments.of("anna.hansen@fjord-bakery.dk", "***@fjord-bakery.dk"),
                Arguments.of("anna+orders@fjord-bakery.dk", "***@fjord-bakery.dk"),
                Arguments.of("j\u00f8rgen@eksempel.dk", "***@eksempel.dk"),
                Arguments.of("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", "***@\u4f8b\u5b50.\u5e7f\u544a"),
                Arguments.of("anna@xn--bcher-kva.example", "***@xn--bcher-kva.example"),
                Arguments.of("\"john doe\"@example.com", "***@example.com"),
                Arguments.of("user@[192.0.2.1]", "***@[192.0.2.1]"),
                Arguments.of("user@[IPv6:2001:db8::1]", "***@[IPv6:2001:db8::1]"),
                Arguments.of("ERROR: duplicate key value violates unique constraint \"subscriber_email_key\"\n"
                        + "  Detail: Key (email)=(someone@example.com) already exists.",
                        "ERROR: duplicate key value violates unique constraint \"subscriber_email_key\"\n"
                        + "  Detail: Key (email)=(***@example.com) already exists."),
                Arguments.of("{\"email\":\"anna@x.dk\",\"users\":[{\"email\":\"j\\u00f8rgen@x.dk\"},{\"email\":\"\\\"john doe\\\"@x.dk\"}]}",
                        "{\"email\":\"***@x.dk\",\"users\":[{\"email\":\"***@x.dk\"},{\"email\":\"\\***@x.dk\"}]}"),
                Arguments.of("<anna@x.dk>, mailto:bo@x.dk; 'carl@x.dk'.", "<***@x.dk>, mailto:***@x.dk; ***@x.dk'."));
    }

    @ParameterizedTest
    @MethodSource("emailAddresses")
    void anEmailAddressKeepsOnlyItsDomain(String text, String masked) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(masked);
    }

    static Stream<Arguments> phoneNumbers() {
        return Stream.of(
                Arguments.of("+4532123456", "+45***"),
                Arguments.of("+45 32 12 34 56", "+45***"),
                Arguments.of("+45-32-12-34-56", "+45***"),
                Arguments.of("+45.32.12.34.56", "+45***"),
                Arguments.of("+1 (555) 123-4567", "+1 ***"),
                Arguments.of("+44 (0)20 7946 0958", "+44***"),
                Arguments.of("0045 32 12 34 56", "0045***"),
                Arguments.of("(555) 123-4567", "***"),
                Arguments.of("555-123-4567", "***"),
                Arguments.of("555.123.4567", "***"),
                Arguments.of("32 12 34 56", "***"),
                Arguments.of("01 23 45 67 89", "***"),
                Arguments.of("{\"primaryPhoneNumber\":\"+4532123456\"}", "{\"primaryPhoneNumber\":\"+45***\"}"),
                Arguments.of("Key (phone_number)=(+4532123456) already exists", "Key (phone_number)=(+45***) already exists"),
                Arguments.of("phone:+4532123456, mail:anna@x.dk.", "phone:+45***, mail:***@x.dk."));
    }

    @ParameterizedTest
    @MethodSource("phoneNumbers")
    void aPhoneNumberKeepsAtMostItsCountryCode(String text, String masked) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "record provisioning.user-requests.v1-2@123456 dead-lettered: TOO_LARGE (2000000 bytes)",
            "at java.base@17.0.15/java.lang.Thread.run(Thread.java:840)",
            "dev.wholesale.provisioning.worker.Foo@1a2b3c4d",
            "2026-11-24T09:27:00.095+01:00, 09:27:00.001234567Z, 2026-11-24",
            "0196f6a2-5c1e-7a3b-9c4d-2e8f1a6b7c90",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "10.20.30.40, 192.168.100.1, offset 1001234567, 500 records in 12 ms"})
    void operationalTextIsLeftAlone(String text) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"***@fjord-bakery.dk", "+45***", "0045***", "***"})
    void maskedTextStaysAsItIs(String masked) {
        assertThat(PersonalDataMask.mask(masked)).isEqualTo(masked);
    }
}
