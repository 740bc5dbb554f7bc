package org.pirog.radius.backend.postgres.authorize;

import static org.pirog.radius.backend.postgres.schema.Tables.RADCHECK;
import static org.pirog.radius.backend.postgres.schema.Tables.RADGROUPCHECK;
import static org.pirog.radius.backend.postgres.schema.Tables.RADGROUPREPLY;
import static org.pirog.radius.backend.postgres.schema.Tables.RADREPLY;
import static org.pirog.radius.backend.postgres.schema.Tables.RADUSERGROUP;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.pirog.radius.backend.postgres.ArrayStatement;

/**
 * Reads the rows of rlm_sql's authorize tables for many users (radcheck, radreply, radusergroup) or groups
 * (radgroupcheck, radgroupreply) at once: one statement, rendered once, with the names as an array. Each
 * owner's rows come in rlm_sql's order: attribute rows by id, groups by priority and then id.
 */
final class AuthorizeTables {
    /** One attribute row of a check or reply table, as stored. */
    record Row(String attribute, String op, String value) {
    }

    /** One user's rows, as stored; empty lists when there are none. */
    record UserTables(List<Row> check, List<Row> reply, List<String> groups) {
    }

    /** One group's rows, as stored. */
    record GroupTables(List<Row> check, List<Row> reply) {
    }

    // Which table a row of the union came from.
    private static final int CHECK = 0;
    private static final int REPLY = 1;
    private static final int GROUP = 2;

    private final DSLContext dsl;
    private final ArrayStatement users;
    private final ArrayStatement groups;

    AuthorizeTables(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        ArrayStatement.Parameters userParameters = new ArrayStatement.Parameters();
        this.users = ArrayStatement.render(dsl, usersQuery(userParameters.text()), userParameters);
        ArrayStatement.Parameters groupParameters = new ArrayStatement.Parameters();
        this.groups = ArrayStatement.render(dsl, groupsQuery(groupParameters.text()), groupParameters);
    }

    /**
     * (table, owner, attribute, op, value, order, order) of every row of the named users: the owners' rows are
     * grouped by name in {@link #users}, so only each table's order matters here.
     */
    private static Select<?> usersQuery(Field<String[]> names) {
        return DSL.select(DSL.inline(CHECK), RADCHECK.USERNAME, RADCHECK.ATTRIBUTE, RADCHECK.OP, RADCHECK.VALUE,
                        DSL.inline(0), RADCHECK.ID)
                .from(RADCHECK).where(RADCHECK.USERNAME.eq(DSL.any(names)))
                .unionAll(DSL.select(DSL.inline(REPLY), RADREPLY.USERNAME, RADREPLY.ATTRIBUTE, RADREPLY.OP,
                                RADREPLY.VALUE, DSL.inline(0), RADREPLY.ID)
                        .from(RADREPLY).where(RADREPLY.USERNAME.eq(DSL.any(names))))
                .unionAll(DSL.select(DSL.inline(GROUP), RADUSERGROUP.USERNAME, RADUSERGROUP.GROUPNAME,
                                DSL.inline(""), DSL.inline(""), RADUSERGROUP.PRIORITY, RADUSERGROUP.ID)
                        .from(RADUSERGROUP).where(RADUSERGROUP.USERNAME.eq(DSL.any(names))))
                .orderBy(DSL.inline(1), DSL.inline(6), DSL.inline(7));
    }

    private static Select<?> groupsQuery(Field<String[]> names) {
        return DSL.select(DSL.inline(CHECK), RADGROUPCHECK.GROUPNAME, RADGROUPCHECK.ATTRIBUTE, RADGROUPCHECK.OP,
                        RADGROUPCHECK.VALUE, RADGROUPCHECK.ID)
                .from(RADGROUPCHECK).where(RADGROUPCHECK.GROUPNAME.eq(DSL.any(names)))
                .unionAll(DSL.select(DSL.inline(REPLY), RADGROUPREPLY.GROUPNAME, RADGROUPREPLY.ATTRIBUTE,
                                RADGROUPREPLY.OP, RADGROUPREPLY.VALUE, RADGROUPREPLY.ID)
                        .from(RADGROUPREPLY).where(RADGROUPREPLY.GROUPNAME.eq(DSL.any(names))))
                .orderBy(DSL.inline(1), DSL.inline(6));
    }

    /**
     * The rows of each of the named users, one statement for all of them.
     *
     * @return every name given, with empty lists for a user who has no rows
     * @throws org.jooq.exception.DataAccessException when the rows could not be read
     */
    Map<String, UserTables> users(List<String> names) {
        Map<String, UserTables> read = new HashMap<>(names.size() * 2);
        for (String name : names) {
            read.put(name, new UserTables(new ArrayList<>(1), new ArrayList<>(1), new ArrayList<>(1)));
        }
        query(users, row -> {
            UserTables user = read.get(row.getString(2));
            if (user != null) {
                switch (row.getInt(1)) {
                    case CHECK -> user.check().add(attributeRow(row));
                    case REPLY -> user.reply().add(attributeRow(row));
                    default -> user.groups().add(row.getString(3));
                }
            }
        }, names);
        return read;
    }

    /**
     * The rows of each of the named groups, one statement for all of them.
     *
     * @return every name given, with empty lists for a group that has no rows
     * @throws org.jooq.exception.DataAccessException when the rows could not be read
     */
    Map<String, GroupTables> groups(List<String> names) {
        Map<String, GroupTables> read = new HashMap<>(names.size() * 2);
        for (String name : names) {
            read.put(name, new GroupTables(new ArrayList<>(1), new ArrayList<>(1)));
        }
        query(groups, row -> {
            GroupTables group = read.get(row.getString(2));
            if (group != null) {
                (row.getInt(1) == CHECK ? group.check() : group.reply()).add(attributeRow(row));
            }
        }, names);
        return read;
    }

    /** Runs the statement on a connection of the pool, with PostgreSQL's own message when it fails. */
    private void query(ArrayStatement statement, ArrayStatement.RowReader rows, List<String> names) {
        dsl.connection(connection -> {
            try {
                statement.query(connection, rows, names.toArray(String[]::new));
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }

    private static Row attributeRow(ResultSet row) throws SQLException {
        return new Row(row.getString(3), row.getString(4), row.getString(5));
    }

    /** The first users by name who have rows in radcheck, radreply or radusergroup. */
    List<String> firstUserNames(int limit) {
        return dsl.select(RADCHECK.USERNAME).from(RADCHECK)
                .union(DSL.select(RADREPLY.USERNAME).from(RADREPLY))
                .union(DSL.select(RADUSERGROUP.USERNAME).from(RADUSERGROUP))
                .orderBy(DSL.field(DSL.name(RADCHECK.USERNAME.getName())))
                .limit(limit)
                .fetch(RADCHECK.USERNAME);
    }

    /** Every group that has rows in radgroupcheck or radgroupreply. */
    List<String> groupNames() {
        return dsl.select(RADGROUPCHECK.GROUPNAME).from(RADGROUPCHECK)
                .union(DSL.select(RADGROUPREPLY.GROUPNAME).from(RADGROUPREPLY))
                .fetch(DSL.field(DSL.name(RADGROUPCHECK.GROUPNAME.getName()), SQLDataType.VARCHAR));
    }
}
