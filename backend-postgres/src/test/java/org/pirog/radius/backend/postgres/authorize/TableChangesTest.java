package org.pirog.radius.backend.postgres.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The triggers' payloads: only this schema's reach the subscribers; one not understood drops everything. */
class TableChangesTest {

    @Test
    void payloadsOfThisSchemaArePassedOnAndOthersIgnored() {
        List<String> heard = new ArrayList<>();
        TableChanges changes = new TableChanges("jdbc:postgresql://127.0.0.1/none", null, null, "radius");
        changes.subscribe(new TableChanges.Subscriber() {
            @Override
            public void changed(String table, @Nullable String key) {
                heard.add(table + " " + key);
            }

            @Override
            public void lost() {
                heard.add("lost");
            }

            @Override
            public void resynchronise() {
                heard.add("resynchronise");
            }
        });
        changes.dispatch("radius.radcheck:ann");
        changes.dispatch("radius.radcheck:user:with:colons");
        changes.dispatch("radius.nas");
        changes.dispatch("radius2.radcheck:ann");
        changes.dispatch("radiu.radcheck:ann");
        changes.dispatch("garbage");
        assertThat(heard).containsExactly("radcheck ann", "radcheck user:with:colons", "nas null", "resynchronise");
    }
}
