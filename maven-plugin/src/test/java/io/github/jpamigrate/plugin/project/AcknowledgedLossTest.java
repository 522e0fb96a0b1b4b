package io.github.jpamigrate.plugin.project;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the acknowledged data losses out of a migration's header lines. */
class AcknowledgedLossTest {

    @Test
    void eachMarkerLineNamesOneTargetAndOtherCommentsAreNoMarkers() {
        AcknowledgedLoss.Header header = AcknowledgedLoss.read("V5__drop.sql", """
                -- V5: drop
                --   jpa-migrate:allow-destructive-ish customer.fax
                -- jpa-migrate:allow-destructive customer.fax
                --jpa-migrate:allow-destructive "order"
                alter table customer drop column fax; -- jpa-migrate:allow-destructive customer.email
                select '-- jpa-migrate:allow-destructive customer.name';
                """);

        assertThat(header.targets()).containsExactly("customer.fax", "\"order\"");
        assertThat(header.problems()).isEmpty();
        assertThat(header.acknowledging("CUSTOMER.FAX")).contains("customer.fax");
        assertThat(header.acknowledging("customer")).isEmpty();
    }

    @Test
    void aLineWithNoTargetSeveralTargetsOrTrueAcknowledgesNothingAndSaysWhy() {
        AcknowledgedLoss.Header header = AcknowledgedLoss.read("V5__drop.sql", """
                -- jpa-migrate:allow-destructive
                -- jpa-migrate:allow-destructive customer.fax, customer.email
                -- jpa-migrate:allow-destructive TRUE
                """);

        assertThat(header.targets()).isEmpty();
        assertThat(header.problems()).containsExactly(
                "V5__drop.sql:1: the acknowledgement names nothing; write -- jpa-migrate:allow-destructive <table or table.column>",
                "V5__drop.sql:2: 'customer.fax, customer.email' is more than one name; write one line per table or column,"
                        + " e.g. -- jpa-migrate:allow-destructive customer.fax",
                "V5__drop.sql:3: 'TRUE' acknowledges nothing in a migration's header: name each table or column whose data"
                        + " the migration drops, one line each (-- jpa-migrate:allow-destructive <table.column>)");
    }

    @Test
    void headerTargetsAddToTheCommandLinesWithoutAcknowledgingEverything() {
        ChangeOptions options = ChangeOptions.defaults().withAcknowledged(java.util.List.of("customer.fax"));

        assertThat(options.allowAll()).isFalse();
        assertThat(options.dropAcknowledged("customer.fax")).isTrue();
        assertThat(options.dropAcknowledged("customer.email")).isFalse();
    }
}
