package dev.wholesale.provisioning.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as an ordering system would send them, with sensible Danish defaults. */
public final class Requests {

    private Requests() {
    }

    public static Map<String, Object> template(String name) {
        return new LinkedHashMap<>(Map.of("templateName", name, "country", "DK", "language", "da",
                "serviceProviderAdminEmail", "ops@acme-telecom.dk", "wholesaleSubscriptionId", "sub-1",
                "brandName", "Acme Cloud"));
    }

    public static Map<String, Object> customer(String externalId, String provisioningId, String adminEmail) {
        return new LinkedHashMap<>(Map.of("externalId", externalId, "provisioningId", provisioningId,
                "customerInfo", Map.of("name", "Fjord Bakery ApS", "primaryEmail", adminEmail),
                "package", "webex_calling",
                "headquarters", location("Copenhagen HQ", "DK"),
                "webexSupportedLocationConfirmed", true));
    }

    public static Map<String, Object> location(String name, String country) {
        return new LinkedHashMap<>(Map.of("name", name, "timezone", "Europe/Copenhagen",
                "address", Map.of("addressLine1", "Strandgade 1", "city", "Copenhagen", "zipOrPostalCode", "1401",
                        "country", country)));
    }

    public static Map<String, Object> user(String email, String servicePackage, String location, String number,
                                           String extension) {
        Map<String, Object> user = new LinkedHashMap<>(Map.of("email", email, "firstName", "Test",
                "lastName", "User", "package", servicePackage, "location", location));
        if (number != null) {
            user.put("primaryPhoneNumber", number);
        }
        if (extension != null) {
            user.put("extension", extension);
        }
        return user;
    }

    public static Map<String, Object> addUsers(String customerExternalId, List<?> locations, List<?> users) {
        return new LinkedHashMap<>(Map.of("customerExternalId", customerExternalId, "locations", locations,
                "users", users));
    }
}
