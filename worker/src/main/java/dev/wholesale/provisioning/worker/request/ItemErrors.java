package dev.wholesale.provisioning.worker.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.wholesale.provisioning.contracts.result.ResultError;

/**
 * Schema errors inside single items of a users request ({@code /users/3/email},
 * {@code /locations/0/address/country}), which refuse only their item: the catalogue applies
 * users requests user by user.
 */
public record ItemErrors(Map<String, List<ResultError>> byItem) {

    public static final ItemErrors NONE = new ItemErrors(Map.of());

    /** The errors of item {@code index} of the array at {@code arrayPointer} (e.g. "/users"). */
    public List<ResultError> of(String arrayPointer, int index) {
        return byItem.getOrDefault(arrayPointer + "/" + index, List.of());
    }

    /** The item an error pointer falls into, e.g. "/users/3" for "/users/3/email", if it is in one of these arrays. */
    static String itemOf(String pointer, List<String> itemArrays) {
        if (pointer == null) {
            return null;
        }
        for (String array : itemArrays) {
            String prefix = array + "/";
            if (pointer.startsWith(prefix)) {
                int end = pointer.indexOf('/', prefix.length());
                String index = end < 0 ? pointer.substring(prefix.length()) : pointer.substring(prefix.length(), end);
                if (!index.isEmpty() && index.chars().allMatch(Character::isDigit)) {
                    return prefix + index;
                }
            }
        }
        return null;
    }

    static List<ResultError> flatten(Map<String, List<ResultError>> byItem) {
        List<ResultError> all = new ArrayList<>();
        byItem.values().forEach(all::addAll);
        return all;
    }
}
