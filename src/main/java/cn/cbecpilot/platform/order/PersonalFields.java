package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The six personal values of an order head (buyer's name, ID number and phone; consignee's name, phone and address),
 * as stored, opened together the first time one is read. Opening is AES-GCM six times over; a receipt or an operator's
 * step that only moves the order never pays for it. Thread-safe: two threads opening at once open the same values.
 */
final class PersonalFields {

    static final int BUYER_NAME = 0;
    static final int BUYER_ID_NUMBER = 1;
    static final int BUYER_PHONE = 2;
    static final int CONSIGNEE_NAME = 3;
    static final int CONSIGNEE_PHONE = 4;
    static final int CONSIGNEE_ADDRESS = 5;

    private final String[] stored;
    private final UnaryOperator<String> opener;
    private volatile String[] opened;

    private PersonalFields(String[] stored, UnaryOperator<String> opener) {
        if (stored.length != 6) {
            throw new IllegalArgumentException("an order head has six personal values, not " + stored.length);
        }
        this.stored = stored;
        this.opener = opener;
    }

    /** Values as a buyer entered them, e.g. for an order being placed. */
    static PersonalFields plain(String... values) {
        PersonalFields fields = new PersonalFields(values.clone(), UnaryOperator.identity());
        fields.opened = fields.stored;
        return fields;
    }

    /** Values as the table holds them, opened with the data key when first read. */
    static PersonalFields sealed(PersonalData data, String... values) {
        return new PersonalFields(values.clone(), data::open);
    }

    String get(int index) {
        String[] values = opened;
        if (values == null) {
            values = Arrays.stream(stored).map(opener).toArray(String[]::new);
            opened = values;
        }
        return values[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalFields that && Arrays.equals(all(), that.all());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(all());
    }

    /** Never the values themselves: an order head in a log line shows no personal data. */
    @Override
    public String toString() {
        return "PersonalFields[6 values]";
    }

    private String[] all() {
        get(0);
        return opened;
    }
}
