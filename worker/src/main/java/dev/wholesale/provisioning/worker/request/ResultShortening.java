package dev.wholesale.provisioning.worker.request;

import java.util.ArrayList;
import java.util.List;

import dev.wholesale.provisioning.contracts.catalogue.ItemOutcome;
import dev.wholesale.provisioning.contracts.result.LocationOutcome;
import dev.wholesale.provisioning.contracts.result.RequestRejected;
import dev.wholesale.provisioning.contracts.result.ResultError;
import dev.wholesale.provisioning.contracts.result.UserOutcome;
import dev.wholesale.provisioning.contracts.result.UsersResult;

/**
 * Shorter forms of a result whose full form would not fit in one Kafka record. A result lists an
 * error per broken field and echoes refused values as sent, so a request well within the intake
 * limits (1000 users, each broken in every field) can ask for a result larger than the request.
 * Such a result could never be published, and the outbox publishes in order: it would hold up
 * every result after it. Detail about refusals is given up, step by step; what went through, which
 * billing charges from, is always listed in full (contracts/README.md, "Result size").
 */
final class ResultShortening {

    /** An echoed value in a shortened result is cut to this many characters (longer e-mail addresses are rare). */
    static final int MAX_SHORTENED_ECHO = 64;
    /** An error message in a shortened result is cut to this many characters. */
    static final int MAX_SHORTENED_MESSAGE = 256;
    /** A shortened refusal lists this many of its errors, then says how many more there were. */
    static final int MAX_SHORTENED_ERRORS = 100;

    private ResultShortening() {
    }

    /**
     * The shorter forms of {@code data}, each shorter than the one before; none for results of
     * bounded size. The last is small whatever the request was: it fits any topic the worker
     * supports (a {@code max.message.bytes} of 64 KiB or more).
     */
    static List<Object> of(Object data) {
        if (data instanceof UsersResult users) {
            return List.of(firstErrorsOnly(users), refusedItemsUnlisted(users), noItemsListed(users));
        }
        if (data instanceof RequestRejected rejected && rejected.errors().size() > 1) {
            return rejected.errors().size() > MAX_SHORTENED_ERRORS
                    ? List.of(fewerErrors(rejected, MAX_SHORTENED_ERRORS), fewerErrors(rejected, 1))
                    : List.of(fewerErrors(rejected, 1));
        }
        return List.of();
    }

    /** Step 1: every refused item keeps its first error; long echoes and messages are cut. */
    private static UsersResult firstErrorsOnly(UsersResult result) {
        List<LocationOutcome> locations = result.locations().stream().map(location -> location.outcome() == ItemOutcome.SUCCEEDED
                ? location
                : new LocationOutcome(cutEcho(location.name()), location.outcome(), location.locationId(),
                        firstError(location.errors()))).toList();
        List<UserOutcome> users = result.users().stream().map(user -> user.outcome() == ItemOutcome.SUCCEEDED ? user
                : new UserOutcome(cutEcho(user.email()), user.outcome(), user.subscriberId(), user.servicePackage(),
                        user.previousPackage(), cutEcho(user.location()), user.locationId(), cutEcho(user.primaryPhoneNumber()),
                        cutEcho(user.extension()), firstError(user.errors()))).toList();
        List<ResultError> errors = new ArrayList<>(result.errors());
        ResultError first = firstRefusal(result);
        if (first != null) {
            errors.add(new ResultError(first.code(), "the result is shortened to fit in one record: each refused item"
                    + " shows its first error only, and values sent longer than " + MAX_SHORTENED_ECHO + " characters are cut", null));
        }
        return new UsersResult(result.requestId(), result.requestType(), result.status(), errors, result.customerId(),
                result.customerExternalId(), locations, users, result.countsPerPackage(), true);
    }

    /** Step 2: refused items are left out and counted in one request-level error. */
    private static UsersResult refusedItemsUnlisted(UsersResult result) {
        List<LocationOutcome> locations = result.locations().stream()
                .filter(location -> location.outcome() == ItemOutcome.SUCCEEDED).toList();
        List<UserOutcome> users = result.users().stream().filter(user -> user.outcome() == ItemOutcome.SUCCEEDED).toList();
        List<ResultError> errors = new ArrayList<>(result.errors());
        ResultError first = firstRefusal(result);
        if (first != null) {
            errors.add(new ResultError(first.code(), String.format("the result is shortened to fit in one record: %d refused"
                            + " users and %d refused locations are not listed; the first refusal: %s",
                    result.users().size() - users.size(), result.locations().size() - locations.size(),
                    cut(first.message())), first.pointer()));
        }
        return new UsersResult(result.requestId(), result.requestType(), result.status(), errors, result.customerId(),
                result.customerExternalId(), locations, users, result.countsPerPackage(), true);
    }

    /**
     * Step 3, for a topic that takes less than even the items that went through: no item is listed;
     * the counts per package, which billing charges from, stay complete, and the status tells whether
     * anything was refused.
     */
    private static UsersResult noItemsListed(UsersResult result) {
        List<ResultError> errors = new ArrayList<>(result.errors().stream().limit(1).map(ResultShortening::cut).toList());
        ResultError first = firstRefusal(result);
        if (first != null) {
            errors.add(new ResultError(first.code(), "the result is shortened to fit in one record: no location or user"
                    + " is listed; the first refusal: " + cut(first.message()), first.pointer()));
        }
        return new UsersResult(result.requestId(), result.requestType(), result.status(), errors, result.customerId(),
                result.customerExternalId(), List.of(), List.of(), result.countsPerPackage(), true);
    }

    /** The first {@code kept} errors, messages cut, and one more that counts the rest. */
    private static RequestRejected fewerErrors(RequestRejected rejected, int kept) {
        List<ResultError> errors = new ArrayList<>();
        for (ResultError error : rejected.errors().subList(0, kept)) {
            errors.add(cut(error));
        }
        ResultError next = rejected.errors().get(kept);
        errors.add(new ResultError(next.code(), String.format("the result is shortened to fit in one record: %d further"
                + " errors are not listed", rejected.errors().size() - kept), null));
        return new RequestRejected(rejected.requestId(), rejected.requestType(), rejected.status(), errors);
    }

    private static ResultError cut(ResultError error) {
        return new ResultError(error.code(), cut(error.message()), error.pointer());
    }

    private static ResultError firstRefusal(UsersResult result) {
        return result.locations().stream().flatMap(location -> location.errors().stream()).findFirst()
                .or(() -> result.users().stream().flatMap(user -> user.errors().stream()).findFirst()).orElse(null);
    }

    private static List<ResultError> firstError(List<ResultError> errors) {
        return errors.isEmpty() ? errors : List.of(new ResultError(errors.get(0).code(), cut(errors.get(0).message()),
                errors.get(0).pointer()));
    }

    /** Cut so that no half of a surrogate pair is left. Pointers are never cut: a cut pointer would point elsewhere. */
    private static String cut(String text) {
        return cut(text, MAX_SHORTENED_MESSAGE);
    }

    private static String cutEcho(String text) {
        return cut(text, MAX_SHORTENED_ECHO);
    }

    private static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }
}
