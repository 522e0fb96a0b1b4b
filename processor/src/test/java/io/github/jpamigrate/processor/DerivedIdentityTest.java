package io.github.jpamigrate.processor;

import static io.github.jpamigrate.processor.ProcessorHarness.column;
import static io.github.jpamigrate.processor.ProcessorHarness.columnNames;
import static io.github.jpamigrate.processor.ProcessorHarness.model;
import static io.github.jpamigrate.processor.ProcessorHarness.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import io.github.jpamigrate.core.model.SchemaModel;
import io.github.jpamigrate.core.model.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys borrowed from a parent through a relationship: {@code @MapsId} on one attribute of an
 * {@code @EmbeddedId}, on the whole key, and {@code @Id} relationships of an {@code @IdClass} entity. The key
 * columns carry the relationships' join column names and each relationship keeps its foreign key.
 */
class DerivedIdentityTest {

    private static final String MEMBER = """
            package der;
            import jakarta.persistence.*;
            @Entity @Table(name = "members") public class Member { @Id Long id; }
            """;
    private static final String VAULT = """
            package der;
            import jakarta.persistence.*;
            @Entity public class Vault { @Id Long id; }
            """;

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void mapsIdOnAnEmbeddedIdAttributeTakesTheJoinColumnAndKeepsTheForeignKey(String ns) {
        SchemaModel model = model(ns, MEMBER, VAULT, """
                package der;
                import jakarta.persistence.*;
                @Embeddable public class AccessKey { Long memberId; Long vaultId; String scope; }
                """, """
                package der;
                import jakarta.persistence.*;
                @Entity @Table(name = "vault_access") public class VaultAccess {
                    @EmbeddedId AccessKey id;
                    @ManyToOne @MapsId("memberId") @JoinColumn(name = "member_id") Member member;
                    @ManyToOne @MapsId("vaultId") Vault vault;
                    String grantedBy;
                }
                """);
        Table t = table(model, "vault_access");
        assertThat(columnNames(t)).containsExactly("member_id", "scope", "vault_id", "grantedBy");
        assertThat(t.primaryKey().columns()).containsExactly("member_id", "scope", "vault_id");
        assertThat(column(t, "member_id").nullable()).isFalse();
        assertThat(column(t, "member_id").type().toString()).isEqualTo("bigint");
        assertThat(t.foreignKeys()).extracting(f -> f.columns() + "->" + f.referencedTable() + f.referencedColumns())
                .containsExactlyInAnyOrder("[member_id]->members[id]", "[vault_id]->Vault[id]");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void mapsIdOnTheWholeKeyUsesTheNamedJoinColumn(String ns) {
        Table t = table(model(ns, MEMBER, """
                package der;
                import jakarta.persistence.*;
                @Entity public class MemberProfile {
                    @Id Long id;
                    @OneToOne @MapsId @JoinColumn(name = "member_id") Member member;
                    String bio;
                }
                """), "MemberProfile");
        assertThat(columnNames(t)).containsExactly("member_id", "bio");
        assertThat(t.primaryKey().columns()).containsExactly("member_id");
        assertThat(t.foreignKeys()).singleElement()
                .satisfies(f -> assertThat(f.columns() + "->" + f.referencedTable()).isEqualTo("[member_id]->members"));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void idRelationshipsOfAnIdClassEntityAreKeyAndForeignKey(String ns) {
        Table t = table(model(ns, MEMBER, VAULT, """
                package der;
                public class EnrollmentKey implements java.io.Serializable { Long member; Long vault; }
                """, """
                package der;
                import jakarta.persistence.*;
                @Entity @IdClass(EnrollmentKey.class) public class Enrollment {
                    @Id @ManyToOne @JoinColumn(name = "enrolled_member") Member member;
                    @Id @ManyToOne Vault vault;
                    int priority;
                }
                """), "Enrollment");
        assertThat(t.primaryKey().columns()).containsExactly("enrolled_member", "vault_id");
        assertThat(t.foreignKeys()).extracting(f -> f.columns() + "->" + f.referencedTable())
                .containsExactlyInAnyOrder("[enrolled_member]->members", "[vault_id]->Vault");
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void mapsIdOnAnIdAttributeOfAnIdClassEntityTakesTheJoinColumn(String ns) {
        Table t = table(model(ns, VAULT, """
                package der;
                public class SeatKey implements java.io.Serializable { Long vaultId; int number; }
                """, """
                package der;
                import jakarta.persistence.*;
                @Entity @IdClass(SeatKey.class) public class Seat {
                    @Id Long vaultId;
                    @Id int number;
                    @ManyToOne @MapsId("vaultId") @JoinColumn(name = "vault_fk") Vault vault;
                }
                """), "Seat");
        assertThat(columnNames(t)).containsExactly("number", "vault_fk");
        assertThat(t.primaryKey().columns()).containsExactly("number", "vault_fk");
        assertThat(t.foreignKeys()).singleElement()
                .satisfies(f -> assertThat(f.columns() + "->" + f.referencedTable()).isEqualTo("[vault_fk]->Vault"));
    }

    @ParameterizedTest
    @MethodSource("io.github.jpamigrate.processor.ProcessorHarness#namespaces")
    void mapsIdNamingNoAttributeOfTheEmbeddedIdIsAnError(String ns) {
        String access = """
                package der;
                import jakarta.persistence.*;
                @Entity public class VaultAccess {
                    @EmbeddedId AccessKey id;
                    @ManyToOne @MapsId("userId") Member member;
                }
                """;
        Compilation c = ProcessorHarness.compile(ns, MEMBER, access, """
                package der;
                import jakarta.persistence.*;
                @Embeddable public class AccessKey { Long memberId; String scope; }
                """);
        CompilationSubject.assertThat(c).hadErrorContaining("[JM023] @MapsId(\"userId\") on der.VaultAccess.member"
                        + " names no part of the key of der.VaultAccess (an @EmbeddedId attribute or an @Id attribute);"
                        + " use one of: memberId, scope")
                .inFile(ProcessorHarness.source(ns, access)).onLine(5);
    }
}
