package org.pirog.radius.core.accounting;

/** Acct-Status-Type (RFC 2866 §5.1): what an Accounting-Request reports. */
public enum AcctStatusType {
    START(1),
    STOP(2),
    INTERIM_UPDATE(3),
    ACCOUNTING_ON(7),
    ACCOUNTING_OFF(8),
    /** Any other value (tunnel records, Failed); stored, applied to nothing. */
    OTHER(0);

    private final int value;

    AcctStatusType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static AcctStatusType valueOf(long value) {
        return switch ((int) value) {
            case 1 -> START;
            case 2 -> STOP;
            case 3 -> INTERIM_UPDATE;
            case 7 -> ACCOUNTING_ON;
            case 8 -> ACCOUNTING_OFF;
            default -> OTHER;
        };
    }

    /** Accounting-On and -Off speak for the whole NAS, not for one session. */
    public boolean isNasWide() {
        return this == ACCOUNTING_ON || this == ACCOUNTING_OFF;
    }
}
