package org.pirog.radius.backend.postgres.accounting;

import java.lang.reflect.Array;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.CommonTableExpression;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.pirog.radius.backend.postgres.ArrayStatement;

/**
 * Many records' radacct values as one table, so that one statement writes them all: a common table expression
 * {@code v} over {@code unnest(?, ?, …)}, one array parameter per column. PostgreSQL then plans
 * and runs one statement per status type and round instead of one per record, and the SQL text is the same whatever
 * the number of records (the arrays are single parameters), so its prepared plan is reused.
 *
 * <p>Columns are text and bigint as the records carry them; the statements cast addresses to {@code inet} and turn
 * the event's epoch seconds into a timestamp.
 */
final class RadacctRows {
    /** The record's Acct-Status-Type, its {@code AcctStatusType} name ({@code START}, {@code STOP}, …). */
    static final Field<String> STATUS = text("status");
    static final Field<String> SESSION_ID = text("acctsessionid");
    static final Field<String> UNIQUE_ID = text("acctuniqueid");
    static final Field<String> USER_NAME = text("username");
    static final Field<String> REALM = text("realm");
    static final Field<String> NAS_IP_ADDRESS = text("nasipaddress");
    static final Field<String> NAS_PORT_ID = text("nasportid");
    static final Field<String> NAS_PORT_TYPE = text("nasporttype");
    /** Event-Timestamp (else arrival), epoch seconds. */
    static final Field<Long> EVENT = number("event");
    /** Acct-Session-Time, NULL when the request had none. */
    static final Field<Long> SESSION_TIME = number("sessiontime");
    static final Field<String> AUTHENTIC = text("acctauthentic");
    static final Field<String> CONNECT_INFO = text("connectinfo");
    static final Field<Long> INPUT_OCTETS = number("acctinputoctets");
    static final Field<Long> OUTPUT_OCTETS = number("acctoutputoctets");
    static final Field<String> CALLED_STATION_ID = text("calledstationid");
    static final Field<String> CALLING_STATION_ID = text("callingstationid");
    static final Field<String> TERMINATE_CAUSE = text("acctterminatecause");
    static final Field<String> SERVICE_TYPE = text("servicetype");
    static final Field<String> FRAMED_PROTOCOL = text("framedprotocol");
    static final Field<String> FRAMED_IP_ADDRESS = text("framedipaddress");
    static final Field<String> FRAMED_IPV6_ADDRESS = text("framedipv6address");
    static final Field<String> FRAMED_IPV6_PREFIX = text("framedipv6prefix");
    static final Field<String> FRAMED_INTERFACE_ID = text("framedinterfaceid");
    static final Field<String> DELEGATED_IPV6_PREFIX =
            text("delegatedipv6prefix");
    static final Field<String> CLASS = text("class");

    /** The table the statements read, {@code v}. */
    static final Table<Record> V = DSL.table(DSL.name("v"));
    /** {@code v} again, as {@code w}, for a statement that compares its rows with each other. */
    static final Table<Record> W = V.as("w");
    static final Field<String> W_STATUS = DSL.field(DSL.name("w", STATUS.getName()), SQLDataType.CLOB);
    static final Field<String> W_FRAMED_IP_ADDRESS =
            DSL.field(DSL.name("w", FRAMED_IP_ADDRESS.getName()), SQLDataType.CLOB);
    /** The event as a timestamp ({@code to_timestamp} of the epoch seconds). */
    static final Field<OffsetDateTime> EVENT_TIME = timestamp(EVENT);

    private static final List<Column<?>> COLUMNS = List.of(
            new Column<>(STATUS, RadacctValues::status),
            new Column<>(SESSION_ID, RadacctValues::sessionId),
            new Column<>(UNIQUE_ID, RadacctValues::uniqueId),
            new Column<>(USER_NAME, RadacctValues::userName),
            new Column<>(REALM, RadacctValues::realm),
            new Column<>(NAS_IP_ADDRESS, RadacctValues::nasIpAddress),
            new Column<>(NAS_PORT_ID, RadacctValues::nasPortId),
            new Column<>(NAS_PORT_TYPE, RadacctValues::nasPortType),
            new Column<>(EVENT, RadacctValues::eventEpoch),
            new Column<>(SESSION_TIME, RadacctValues::sessionTimeOrNull),
            new Column<>(AUTHENTIC, RadacctValues::authentic),
            new Column<>(CONNECT_INFO, RadacctValues::connectInfo),
            new Column<>(INPUT_OCTETS, RadacctValues::inputOctets),
            new Column<>(OUTPUT_OCTETS, RadacctValues::outputOctets),
            new Column<>(CALLED_STATION_ID, RadacctValues::calledStationId),
            new Column<>(CALLING_STATION_ID, RadacctValues::callingStationId),
            new Column<>(TERMINATE_CAUSE, RadacctValues::terminateCause),
            new Column<>(SERVICE_TYPE, RadacctValues::serviceType),
            new Column<>(FRAMED_PROTOCOL, RadacctValues::framedProtocol),
            new Column<>(FRAMED_IP_ADDRESS, RadacctValues::framedIpAddress),
            new Column<>(FRAMED_IPV6_ADDRESS, RadacctValues::framedIpv6Address),
            new Column<>(FRAMED_IPV6_PREFIX, RadacctValues::framedIpv6Prefix),
            new Column<>(FRAMED_INTERFACE_ID, RadacctValues::framedInterfaceId),
            new Column<>(DELEGATED_IPV6_PREFIX, RadacctValues::delegatedIpv6Prefix),
            new Column<>(CLASS, RadacctValues::accountingClass));

    private RadacctRows() {
    }

    /** {@code v} over one array parameter per column, taken from {@code parameters} in column order. */
    static CommonTableExpression<Record> table(ArrayStatement.Parameters parameters) {
        List<Field<?>> arrays = new ArrayList<>(COLUMNS.size());
        String[] names = new String[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            Field<?> field = COLUMNS.get(i).field;
            arrays.add(field.getType() == Long.class ? parameters.bigint() : parameters.text());
            names[i] = field.getName();
        }
        return DSL.name("v").fields(names).as(DSL.select(DSL.asterisk()).from(ArrayStatement.unnest(arrays)));
    }

    /** The records' values for {@link #table}'s parameters: one array per column, element i from record i. */
    static Object[][] arrays(List<RadacctValues> records) {
        Object[][] arrays = new Object[COLUMNS.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = COLUMNS.get(i).array(records);
        }
        return arrays;
    }

    /** {@code to_timestamp(epochSeconds)}: radacct's timestamps are timestamptz, whole seconds as FreeRADIUS's. */
    static Field<OffsetDateTime> timestamp(Field<Long> epochSeconds) {
        return DSL.field("to_timestamp({0})", SQLDataType.TIMESTAMPWITHTIMEZONE, epochSeconds);
    }


    /** Whole seconds from {@code time} to the event, as FreeRADIUS's {@code epoch - EXTRACT(EPOCH FROM …)}. */
    static Field<Long> secondsSinceEvent(Field<OffsetDateTime> time) {
        return DSL.field("cast({0} - extract(epoch from {1}) as bigint)", SQLDataType.BIGINT, EVENT, time);
    }

    private static Field<String> text(String name) {
        return DSL.field(DSL.name("v", name), SQLDataType.CLOB);
    }

    private static Field<Long> number(String name) {
        return DSL.field(DSL.name("v", name), SQLDataType.BIGINT);
    }

    /** One column: its field in {@code v} and where a record's value comes from. */
    private record Column<T>(Field<T> field, Function<RadacctValues, ? extends T> value) {
        /** The records' values of this column, a {@code String[]} or {@code Long[]}. */
        Object[] array(List<RadacctValues> records) {
            Object[] values = (Object[]) Array.newInstance(field.getType(), records.size());
            for (int i = 0; i < values.length; i++) {
                values[i] = value.apply(records.get(i));
            }
            return values;
        }
    }
}
