package dev.newsflow.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** Decides whether a candidate schema may follow existing versions under a compatibility level, using Avro's own resolution rules. */
final class CompatibilityRules {

    private CompatibilityRules() {
    }

    /**
     * Problems found, empty if compatible. existing is oldest first; non-transitive levels look only at
     * the newest. Newest is checked first, as Confluent does, so the first message is the most relevant.
     */
    static List<String> problems(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return problems;
        }
        int oldest = level.transitive() ? 0 : existing.size() - 1;
        for (int i = existing.size() - 1; i >= oldest; i--) {
            Schema previous = existing.get(i);
            if (level.newReadsOld()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous),
                        "new schema cannot read data written with version " + (i + 1), problems);
            }
            if (level.oldReadsNew()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate),
                        "version " + (i + 1) + " cannot read data written with the new schema", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String what, List<String> out) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (SchemaCompatibility.Incompatibility i : result.getResult().getIncompatibilities()) {
            out.add(what + ": " + i.getType() + " at '" + i.getLocation() + "': " + i.getMessage());
        }
    }
}
