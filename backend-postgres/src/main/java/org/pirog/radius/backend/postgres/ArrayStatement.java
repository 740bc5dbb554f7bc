package org.pirog.radius.backend.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A statement built with jOOQ whose every parameter is an array (one element per record), rendered once and then run
 * many times with new arrays. Rendering a statement of this size costs jOOQ far more than PostgreSQL needs to run it
 * for a few dozen records, so it must not happen per batch; and the SQL text never changes, so the driver's
 * server-side prepared statement is reused too.
 *
 * <p>Building: take each parameter from {@link Parameters#text()} or {@link Parameters#bigint()} (in any order);
 * {@link #render} then finds where jOOQ put each one. Running: {@link #execute} and {@link #query} take the arrays in
 * the order the parameters were taken.
 */
public final class ArrayStatement {
    private final String sql;
    /** For each {@code ?} in {@link #sql}, in order, which parameter it is. */
    private final int[] positions;
    private final List<String> elementTypes;

    private ArrayStatement(String sql, int[] positions, List<String> elementTypes) {
        this.sql = sql;
        this.positions = positions;
        this.elementTypes = elementTypes;
    }

    /**
     * Renders the query, built from {@code parameters}' fields and no other bind value (constants must be
     * {@code DSL.inline}).
     *
     * @throws IllegalStateException if the query binds anything that is not one of the parameters
     */
    public static ArrayStatement render(DSLContext dsl, Query query, Parameters parameters) {
        List<Object> binds = dsl.extractBindValues(query);
        int[] positions = new int[binds.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = parameters.indexOf(binds.get(i));
        }
        return new ArrayStatement(dsl.render(query), positions, List.copyOf(parameters.elementTypes));
    }

    /**
     * PostgreSQL's {@code unnest(a, b, …)} over the parameters: row i holds the i-th element of each array. (jOOQ's
     * {@code rowsFrom} renders an alias inside {@code ROWS FROM}, which PostgreSQL refuses.)
     */
    public static Table<Record> unnest(List<? extends Field<?>> arrays) {
        return DSL.table("unnest({0})", DSL.list(arrays));
    }

    /**
     * Runs the statement on the connection; {@code arrays[i]} is the i-th parameter taken.
     *
     * @return the number of rows changed
     */
    public int execute(Connection connection, Object[]... arrays) throws SQLException {
        try (PreparedStatement statement = prepare(connection, arrays)) {
            return statement.executeUpdate();
        }
    }

    /** Runs the query on the connection and hands each row of its result to {@code rows}, in order. */
    public void query(Connection connection, RowReader rows, Object[]... arrays) throws SQLException {
        try (PreparedStatement statement = prepare(connection, arrays); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.read(result);
            }
        }
    }

    private PreparedStatement prepare(Connection connection, Object[]... arrays) throws SQLException {
        if (arrays.length != elementTypes.size()) {
            throw new IllegalArgumentException(arrays.length + " arrays for " + elementTypes.size() + " parameters");
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < positions.length; i++) {
                int parameter = positions[i];
                statement.setArray(i + 1, connection.createArrayOf(elementTypes.get(parameter), arrays[parameter]));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Takes one row of a query's result, positioned on it. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    @Override
    public String toString() {
        return sql;
    }

    /**
     * The parameters of a statement being built. Each is bound, while building, to a marker array of its own, by
     * which {@link #render} recognises it among the query's bind values.
     */
    public static final class Parameters {
        private static final String MARK = "\u0000pirog-parameter-";

        private final List<Object[]> markers = new ArrayList<>();
        private final List<String> elementTypes = new ArrayList<>();

        /** The next parameter, a {@code text[]}. */
        public Field<String[]> text() {
            String[] marker = {MARK + markers.size()};
            add(marker, "text");
            return DSL.val(marker, SQLDataType.CLOB.array());
        }

        /** The next parameter, a {@code bigint[]}. */
        public Field<Long[]> bigint() {
            Long[] marker = {Long.MIN_VALUE + markers.size()};
            add(marker, "int8");
            return DSL.val(marker, SQLDataType.BIGINT.array());
        }

        private void add(Object[] marker, String elementType) {
            markers.add(marker);
            elementTypes.add(elementType);
        }

        private int indexOf(Object bound) {
            for (int i = 0; i < markers.size(); i++) {
                if (bound instanceof Object[] array && Arrays.equals(array, markers.get(i))) {
                    return i;
                }
            }
            throw new IllegalStateException("the statement binds a value that is not one of its array parameters: "
                    + (bound instanceof Object[] array ? Arrays.toString(array) : bound));
        }
    }
}
