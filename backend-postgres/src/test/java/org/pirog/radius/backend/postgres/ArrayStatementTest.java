package org.pirog.radius.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** A statement rendered once and run with new arrays: parameters found wherever jOOQ put them, on PostgreSQL. */
class ArrayStatementTest {
    private static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES);

    @Test
    void eachArrayGoesToEveryPlaceItsParameterWasUsed() throws Exception {
        ArrayStatement.Parameters parameters = new ArrayStatement.Parameters();
        Field<String[]> names = parameters.text();
        Field<Long[]> numbers = parameters.bigint();
        Field<String> name = DSL.field(DSL.name("t", "name"), SQLDataType.CLOB);
        Field<Long> number = DSL.field(DSL.name("t", "number"), SQLDataType.BIGINT);
        // The numbers are used first in the SQL text and the names twice, so '?' order is not parameter order.
        ArrayStatement insert = ArrayStatement.render(RENDER, DSL.insertInto(DSL.table(DSL.name("a")),
                        DSL.field(DSL.name("n"), SQLDataType.BIGINT), DSL.field(DSL.name("s"), SQLDataType.CLOB))
                .select(DSL.select(number, DSL.concat(name, DSL.inline("/"), name))
                        .from(DSL.table("unnest({0}, {1})", numbers, names).as("t", "number", "name"))
                        .where(name.eq(DSL.any(names)))), parameters);

        try (Connection connection = TestDatabase.connect()) {
            connection.createStatement().execute("create temporary table a (n bigint, s text)");
            int rows = insert.execute(connection, new String[] {"x", "y", null}, new Long[] {1L, 2L, 3L});
            assertThat(rows).isEqualTo(2);
            var result = connection.createStatement().executeQuery("select n, s from a order by n");
            StringBuilder seen = new StringBuilder();
            while (result.next()) {
                seen.append(result.getLong(1)).append('=').append(result.getString(2)).append(' ');
            }
            assertThat(seen.toString()).isEqualTo("1=x/x 2=y/y ");
        }
    }

    @Test
    void aValueBoundThatIsNoParameterIsRefusedWhenRendering() {
        ArrayStatement.Parameters parameters = new ArrayStatement.Parameters();
        Field<String[]> names = parameters.text();
        assertThatThrownBy(() -> ArrayStatement.render(RENDER, DSL.selectOne()
                .where(DSL.val("bound").eq(DSL.any(names))), parameters))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not one of its array parameters");
    }

    @Test
    void theArraysMustBeAsManyAsTheParameters() throws Exception {
        ArrayStatement.Parameters parameters = new ArrayStatement.Parameters();
        Field<String[]> names = parameters.text();
        ArrayStatement select = ArrayStatement.render(RENDER, DSL.selectOne().where(DSL.inline("a").eq(DSL.any(names))),
                parameters);
        try (Connection connection = TestDatabase.connect()) {
            assertThatThrownBy(() -> select.execute(connection, new String[] {"a"}, new Long[] {1L}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("2 arrays for 1 parameters");
        }
    }
}
