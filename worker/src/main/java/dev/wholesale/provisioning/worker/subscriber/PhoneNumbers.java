package dev.wholesale.provisioning.worker.subscriber;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Checks a user's phone number with libphonenumber's metadata: a number must be a valid number in
 * E.164 form and belong to the country of the user's location. A regex cannot tell that +45 1234
 * is too short for Denmark or that +1 416 is Canada, not the US.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public sealed interface Verdict {
        /** The number in canonical E.164 form, which is how it is stored and compared. */
        record Valid(String e164) implements Verdict {
        }

        record Invalid(String reason) implements Verdict {
        }
    }

    public static Verdict check(String number, String locationCountry) {
        if (number == null || !number.startsWith("+")) {
            return new Verdict.Invalid("must be in E.164 form, starting with + and the country code");
        }
        PhoneNumber parsed;
        try {
            parsed = UTIL.parse(number, null);
        } catch (NumberParseException e) {
            return new Verdict.Invalid("is not a phone number: " + e.getMessage());
        }
        String e164 = UTIL.format(parsed, PhoneNumberFormat.E164);
        if (!e164.equals(number)) {
            return new Verdict.Invalid("must be written in E.164 form (" + e164 + ")");
        }
        if (!UTIL.isValidNumber(parsed)) {
            return new Verdict.Invalid("is not a valid number in any numbering plan");
        }
        String region = UTIL.getRegionCodeForNumber(parsed);
        if (!locationCountry.equalsIgnoreCase(region)) {
            return new Verdict.Invalid("belongs to " + region + ", not to the location's country " + locationCountry);
        }
        return new Verdict.Valid(e164);
    }
}
